package ai.bctrl.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Streams the list envelope every list endpoint shares, {@code {"data": [...], "nextCursor": ...}},
 * reading each item with the endpoint's {@link ItemReader}. Unknown envelope fields are skipped.
 *
 * @param <T> the item type
 */
public final class PageReader<T> {
  private final ItemReader<T> itemReader;

  public PageReader(ItemReader<T> itemReader) {
    this.itemReader = itemReader;
  }

  /** What one page said: its items and the cursor of the next page (null at the end). */
  public static final class PageData<T> {
    public final List<T> data;
    public final String nextCursor;

    PageData(List<T> data, String nextCursor) {
      this.data = data;
      this.nextCursor = nextCursor;
    }
  }

  /** Reads one page from a parser that has not yet read its first token. */
  public PageData<T> read(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw Json.mismatch(parser, "response body", "a JSON object");
    }
    List<T> data = null;
    String nextCursor = null;
    String field;
    while ((field = parser.nextFieldName()) != null) {
      parser.nextToken();
      if ("data".equals(field)) {
        data = readItems(parser);
      } else if ("nextCursor".equals(field)) {
        nextCursor = Json.readString(parser, "nextCursor", true);
      } else {
        parser.skipChildren();
      }
    }
    if (data == null) {
      throw new SchemaMismatch("data", "required array is missing or null", null);
    }
    return new PageData<>(data, nextCursor);
  }

  private List<T> readItems(JsonParser parser) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw Json.mismatch(parser, "data", "an array");
    }
    // Sized for the API's default page, so that a typical page never regrows the list.
    List<T> items = new ArrayList<>(50);
    int index = 0;
    RepeatedValues repeats = new RepeatedValues(2);
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      try {
        items.add(itemReader.read(parser, repeats));
      } catch (SchemaMismatch e) {
        throw e.within("data[" + index + "]");
      }
      index++;
    }
    return Collections.unmodifiableList(items);
  }
}
