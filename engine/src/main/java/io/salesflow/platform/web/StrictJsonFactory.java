package io.salesflow.platform.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import io.salesflow.platform.input.TextFlaws;
import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A JSON factory whose parsers read bytes as strict UTF-8 ({@link StrictUtf8InputStream}) and refuse a string or
 * field name holding a character no text may hold ({@link TextFlaws}) as they read it. So every JSON the
 * application reads is checked in one place, whatever it binds to (a record, a map, a {@code JsonNode}, strings
 * in a list), and a refused text names its JSON path.
 */
final class StrictJsonFactory extends JsonFactory {

    StrictJsonFactory() {}

    private StrictJsonFactory(JsonFactory source, ObjectCodec codec) {
        super(source, codec);
    }

    @Override
    public JsonFactory copy() {
        return new StrictJsonFactory(this, null);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        return new Checking(super._createParser(new StrictUtf8InputStream(in), context));
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
        return new Checking(super._createParser(reader, context));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
            throws IOException {
        return new Checking(super._createParser(data, offset, length, context, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        try (InputStream check = new StrictUtf8InputStream(new ByteArrayInputStream(data, offset, length))) {
            check.readAllBytes();
        }
        return new Checking(super._createParser(data, offset, length, context));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
        return new Checking(super._createParser(input, context));
    }

    /** A string or field name that no text field may hold; {@code field} is its JSON path, or {@code body}. */
    static final class InvalidText extends JsonParseException {
        final String field;
        final String reason;

        InvalidText(JsonParser parser, String field, String reason) {
            super(parser, field + ": " + reason);
            this.field = field;
            this.reason = reason;
        }
    }

    /**
     * Checks each token as it passes. Jackson's other ways of advancing ({@code nextFieldName},
     * {@code nextTextValue}, …) go through {@link #nextToken()} in a delegate, so these two methods see them all.
     */
    private static final class Checking extends JsonParserDelegate {

        Checking(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = super.nextToken();
            if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                Optional<String> flaw = TextFlaws.find(getText());
                if (flaw.isPresent()) {
                    throw token == JsonToken.FIELD_NAME
                            ? new InvalidText(
                                    this, path(getParsingContext().getParent()), "has a field name that " + flaw.get())
                            : new InvalidText(this, path(getParsingContext()), flaw.get());
                }
            }
            return token;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        /** The path of the value the context is at, as field errors name it: {@code rules[2].conditions[0].value}. */
        private static String path(JsonStreamContext context) {
            Deque<String> parts = new ArrayDeque<>();
            for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
                parts.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
            }
            String path = String.join("", parts);
            return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
        }
    }
}
