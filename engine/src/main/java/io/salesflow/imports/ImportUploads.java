package io.salesflow.imports;

import io.salesflow.platform.web.UploadLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lets the import upload route take files up to {@code salesflow.imports.max-size}; the rest of the API keeps its limit. */
@Configuration(proxyBeanMethods = false)
class ImportUploads {

    @Bean
    UploadLimit importUploadLimit(ImportProperties properties) {
        return new UploadLimit("POST", "/api/v1/imports", properties.maxSize());
    }
}
