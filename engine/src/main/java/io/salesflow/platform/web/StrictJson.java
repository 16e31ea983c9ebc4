package io.salesflow.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.salesflow.platform.input.TimeRange;
import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.List;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.yaml.MappingJackson2YamlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every JSON the application reads is strict: one value and nothing after it, no key twice, valid UTF-8 and no
 * text with NUL or an unpaired surrogate ({@link StrictJsonFactory}), no time outside {@link TimeRange}, and no
 * number where a boolean belongs (Jackson would read {@code -1} as true). Bodies are JSON only: the YAML reader
 * Spring adds when the library is on the classpath (for the OpenAPI document) would read them without these
 * checks.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson implements WebMvcConfigurer {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder.factory(new StrictJsonFactory())
                .featuresToEnable(
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS, JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Boolean)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }

    /** A module bean: Spring Boot installs every one into the application's mappers. */
    @Bean
    Module timeRangeModule() {
        return new SimpleModule("salesflow-time-range").setDeserializerModifier(new InRange());
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(MappingJackson2YamlHttpMessageConverter.class::isInstance);
    }

    /** A value Jackson read but the API refuses; the message is for the client, the path says where. */
    static final class RefusedValue extends InvalidFormatException {
        RefusedValue(JsonParser parser, String message, Object value, Class<?> type) {
            super(parser, message, value, type);
        }
    }

    private static final class InRange extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            return Temporal.class.isAssignableFrom(description.getBeanClass())
                    ? new TimeInRange(deserializer)
                    : deserializer;
        }
    }

    private static final class TimeInRange extends DelegatingDeserializer {
        TimeInRange(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TimeInRange(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (!TimeRange.contains(value)) {
                throw new RefusedValue(parser, TimeRange.MESSAGE, value, handledType());
            }
            return value;
        }
    }
}
