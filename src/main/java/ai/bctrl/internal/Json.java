package ai.bctrl.internal;

import ai.bctrl.models.ErrorResponse;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * The SDK's whole decoding policy: one mapper, configured once, binds every body (pages and error
 * bodies), and its failures are put into words in one place. Lenient where the API may grow
 * (unknown fields), strict where a wrong value would mislead.
 */
final class Json {
  private static final boolean JACKSON_HAS_LIMITS; // 2.16 and later

  private static final ObjectMapper MAPPER;

  static {
    JsonFactory factory =
        JsonFactory.builder()
            // Jackson's per-thread buffers (a SoftReference on the calling thread) would keep the
            // class loader of a caller's Jackson reachable after the call; a parser that owns its
            // buffers lets a redeployed application's loader go.
            .disable(JsonFactory.Feature.USE_THREAD_LOCAL_FOR_BUFFER_RECYCLING)
            .build();
    JACKSON_HAS_LIMITS = BoundedParser.imposeOn(factory);
    MAPPER =
        JsonMapper.builder(factory)
            // Not JavaTimeModule's 40-odd (de)serializers, whose set-up costs the first call.
            .addModule(StrictValues.module())
            // No "1" or 1.5 as an integer, no "true" or 1 as a boolean, no number or boolean as a
            // string (2.14+; StrictValues covers 2.13).
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(
                LogicalType.Textual,
                strings ->
                    strings
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            // JSON of no fixed shape keeps the numbers sent: 2.50 and 1e400 as BigDecimal.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
  }

  private Json() {}

  static JavaType type(Class<?> generic, Class<?> parameter) {
    return MAPPER.getTypeFactory().constructParametricType(generic, parameter);
  }

  /** Binds a whole body; throws if it is not valid text or JSON, over a limit, or not the type. */
  static <T> T read(byte[] body, JavaType type) throws SchemaMismatch {
    try (JsonParser parser =
        BoundedParser.bound(
            JsonText.parser(MAPPER.getFactory(), body), body.length, JACKSON_HAS_LIMITS)) {
      T value;
      try {
        value = MAPPER.readValue(parser, type);
      } catch (IOException e) {
        // Put in words while the parser still holds the token that failed.
        throw new SchemaMismatch(problem(e), e);
      }
      if (value == null) {
        // Databind reads a JSON null as null, whatever the type; every body is an object.
        throw new SchemaMismatch("response body: expected an object, got null", null);
      }
      return value;
    } catch (IOException e) {
      throw new SchemaMismatch(problem(e), e);
    }
  }

  /** The API's error body, or null when the body is not that (an HTML page, say). */
  static ErrorResponse errorResponse(byte[] body) {
    try {
      return read(body, MAPPER.constructType(ErrorResponse.class));
    } catch (SchemaMismatch notTheApisShape) {
      return null; // the caller still has rawBody()
    }
  }

  /** One line naming the JSON path and what was wrong there, e.g. "data[1].id: expected ...". */
  static String problem(IOException e) {
    if (!(e instanceof JsonMappingException)) {
      return "response body: " + unreadable(e);
    }
    JsonMappingException mapping = (JsonMappingException) e;
    // Databind wraps what its parser threw with the JSON path; the parser's failure says what.
    Throwable cause = mapping.getCause();
    if (cause instanceof InputCoercionException) {
      // Databind's own refusal of an integer beyond its type's range.
      InputCoercionException range = (InputCoercionException) cause;
      return pathOf(mapping, null)
          + ": expected "
          + StrictValues.expected(range.getTargetType())
          + ", got "
          + numberText((JsonParser) range.getProcessor())
          + " (out of range)";
    }
    if (cause instanceof IOException && !(cause instanceof JsonMappingException)) {
      return pathOf(mapping, null) + ": " + unreadable((IOException) cause);
    }
    if (cause instanceof IllegalStateException && cause.getMessage().endsWith(" == null")) {
      // A model's build() names the required field it lacks (see the models' Required).
      String field = cause.getMessage().substring(0, cause.getMessage().length() - 8);
      return pathOf(mapping, field) + ": required field is missing";
    }
    String problem;
    if (mapping instanceof StrictValues.Refused) {
      problem = mapping.getOriginalMessage();
    } else if (mapping.getOriginalMessage().startsWith("Trailing token")) {
      problem = "content after the end of the JSON value";
    } else if (mapping instanceof MismatchedInputException
        && ((MismatchedInputException) mapping).getTargetType() != null
        && mapping.getProcessor() instanceof JsonParser) {
      // Refused by the coercion configs or a null setting, the parser still at the value (or at
      // the end of an empty body).
      problem =
          "expected "
              + StrictValues.expected(((MismatchedInputException) mapping).getTargetType())
              + ", got "
              + StrictValues.describe((JsonParser) mapping.getProcessor());
    } else {
      problem = firstLine(mapping.getOriginalMessage());
    }
    return pathOf(mapping, null) + ": " + problem;
  }

  private static String unreadable(IOException e) {
    String limit = BoundedParser.inOurWords(e);
    if (limit != null) {
      return limit;
    }
    // Jackson's own words, without the location it appends on a second line.
    return "invalid JSON: " + firstLine(e.getMessage());
  }

  private static String numberText(JsonParser parser) {
    try {
      return parser.getText();
    } catch (IOException unreadable) {
      return "a number";
    }
  }

  private static String pathOf(JsonMappingException mapping, String lastField) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference step : mapping.getPath()) {
      if (step.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        path.append('[').append(step.getIndex()).append(']');
      }
    }
    if (lastField != null) {
      path.append(path.length() == 0 ? "" : ".").append(lastField);
    }
    return path.length() == 0 ? "response body" : path.toString();
  }

  private static String firstLine(String text) {
    return String.valueOf(text).split("\n", 2)[0];
  }
}
