package io.salesflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The calls a record API test makes against one collection, as a user of the acme workspace. */
public final class RecordEndpoint {

    private final Api api;
    private final String collection;

    public RecordEndpoint(Api api, String collection) {
        this.api = api;
        this.collection = collection;
    }

    public Api.Response create(String email, Map<String, Object> body) {
        return api.as("acme", email, "POST", collection).json(body).send();
    }

    /** A PATCH, with {@code If-Match} when {@code etag} is not null. */
    public Api.Response patch(String email, String id, Map<String, Object> body, String etag) {
        Api.Call call = api.as("acme", email, "PATCH", collection + "/" + id).json(body);
        if (etag != null) {
            call.header("If-Match", etag);
        }
        return call.send();
    }

    public JsonNode get(String email, String idAndQuery) {
        return api.as("acme", email, "GET", collection + "/" + idAndQuery)
                .send()
                .expect(200)
                .json();
    }

    public JsonNode list(String email, String query) {
        return api.as("acme", email, "GET", collection + query)
                .send()
                .expect(200)
                .json();
    }
}
