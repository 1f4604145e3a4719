package ai.bctrl.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetDateTimeSerializer;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/** The SDK's one mapper ({@link Json}), for tests outside this package that read and write JSON. */
public final class SdkJson {
  private SdkJson() {}

  /**
   * Reads {@code json} as the SDK reads a body.
   *
   * @throws IllegalArgumentException with the SDK's one-line message naming the JSON path
   */
  public static <T> T read(String json, Class<T> type) {
    try {
      return Json.read(json.getBytes(StandardCharsets.UTF_8), mapper().constructType(type));
    } catch (SchemaMismatch e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Writes {@code value} with the SDK's mapper and an {@code OffsetDateTime} serializer (the SDK
   * itself writes no JSON, so its mapper has none).
   */
  public static String write(Object value) throws JsonProcessingException {
    SimpleModule timestamps =
        new SimpleModule().addSerializer(OffsetDateTime.class, OffsetDateTimeSerializer.INSTANCE);
    return mapper().copy().registerModule(timestamps).writeValueAsString(value);
  }

  private static ObjectMapper mapper() {
    // Reflection rather than an accessor: the SDK itself never writes JSON, so Json has none.
    try {
      Field field = Json.class.getDeclaredField("MAPPER");
      field.setAccessible(true);
      return (ObjectMapper) field.get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("Json.MAPPER: the SDK's mapper is not where this test looks", e);
    }
  }
}
