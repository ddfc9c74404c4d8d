package org.internationale.api.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.internationale.api.control.XmlCharacters;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Every text the API takes — path and query parameters, every string and key of a JSON body, a text body such as a
 * PO or XLIFF file — is UTF-8 without the characters XML cannot carry ({@link XmlCharacters}), and a JSON body nests at
 * most {@value #MAX_DEPTH} levels. A request that breaks this is refused with 400 before any resource sees it, so no
 * such text is ever stored, mailed or indexed; what is already stored is made safe by the writers.
 */
@Provider
public class TextInput implements ContainerRequestFilter, ReaderInterceptor {

    static final int MAX_DEPTH = 32;

    @Override
    public void filter(ContainerRequestContext request) {
        check("path", request.getUriInfo().getPathParameters());
        check("query", request.getUriInfo().getQueryParameters());
    }

    private static void check(String where, MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            refuseForbidden(where + " parameter name", parameter.getKey());
            for (String value : parameter.getValue()) {
                refuseForbidden(where + " parameter " + parameter.getKey(), value);
            }
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !textual(type)) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        String text = utf8(body);
        if (type.getSubtype().endsWith("json")) {
            // counted before parsing: the parser's own limit is a thousand levels, and a plain RuntimeException
            if (nesting(text) > MAX_DEPTH) {
                throw new BadRequestException("The request body nests deeper than " + MAX_DEPTH + " levels.");
            }
            JsonValue value;
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                value = text.isBlank() ? JsonValue.NULL : reader.readValue();
            } catch (JsonException e) {
                throw new BadRequestException("The request body is not JSON: " + e.getMessage());
            }
            inspect(value, "body");
        } else {
            refuseForbidden("body", text);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static boolean textual(MediaType type) {
        return type.getType().equals("text") || type.getSubtype().endsWith("json") || type.getSubtype().endsWith("xml")
                || type.getSubtype().contains("gettext");
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException("The request body is not valid UTF-8.");
        }
    }

    /** The deepest nesting of arrays and objects in a JSON text, brackets inside strings not counted. */
    static int nesting(String json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return deepest;
    }

    private static void inspect(JsonValue value, String path) {
        switch (value.getValueType()) {
            case STRING -> refuseForbidden(path, ((JsonString) value).getString());
            case OBJECT -> {
                for (Map.Entry<String, JsonValue> member : ((JsonObject) value).entrySet()) {
                    refuseForbidden(path + " member name", member.getKey());
                    inspect(member.getValue(), member.getKey());
                }
            }
            case ARRAY -> {
                for (JsonValue element : (JsonArray) value) {
                    inspect(element, path);
                }
            }
            default -> {
                // numbers, booleans and null carry no text
            }
        }
    }

    private static void refuseForbidden(String field, String text) {
        int at = XmlCharacters.firstForbidden(text);
        if (at >= 0) {
            throw new BadRequestException(field + " holds U+" + String.format(java.util.Locale.ROOT, "%04X", (int) text.charAt(at))
                    + " at character " + at + ": control characters (other than tab and line breaks), U+FFFE, U+FFFF and "
                    + "unpaired surrogates cannot be stored.");
        }
    }
}
