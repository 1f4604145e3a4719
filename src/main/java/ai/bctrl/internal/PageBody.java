package ai.bctrl.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;

/**
 * The envelope every list endpoint shares, {@code {"data": [...], "nextCursor": ...}}. Both fields
 * are required: {@code nextCursor} is null on the last page, and a page without it is refused
 * rather than taken as the end of the walk.
 */
final class PageBody<T> {
  private List<T> data;
  private String nextCursor;
  private boolean hasNextCursor;

  @JsonProperty("data")
  @JsonSetter(nulls = Nulls.FAIL, contentNulls = Nulls.FAIL)
  void setData(List<T> data) {
    this.data = data;
  }

  @JsonProperty("nextCursor") // null marks the last page
  void setNextCursor(String nextCursor) {
    this.nextCursor = nextCursor;
    this.hasNextCursor = true;
  }

  /** The items; throws when the body lacked {@code data} or {@code nextCursor}. */
  List<T> data() throws SchemaMismatch {
    if (data == null) {
      throw new SchemaMismatch("data: required field is missing", null);
    }
    if (!hasNextCursor) {
      throw new SchemaMismatch(
          "nextCursor: required field is missing (null marks the last page)", null);
    }
    return data;
  }

  String nextCursor() {
    return nextCursor;
  }
}
