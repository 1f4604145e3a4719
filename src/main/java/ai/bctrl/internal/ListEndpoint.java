package ai.bctrl.internal;

import ai.bctrl.pagination.CursorPage;
import com.fasterxml.jackson.databind.JavaType;
import java.util.concurrent.CompletableFuture;

/**
 * A cursor-paginated GET, sync or async, whose pages have it as their way to the next: a new list
 * endpoint needs only its request and its item's model class.
 */
public final class ListEndpoint<T> implements CursorPage.Fetcher<T> {
  private final Transport transport;
  private final ApiRequest request;
  private final JavaType pageType;

  public ListEndpoint(Transport transport, ApiRequest request, Class<T> itemType) {
    this.transport = transport;
    this.request = request;
    this.pageType = Json.type(PageBody.class, itemType);
  }

  @Override
  public CursorPage<T> fetch(String cursor) {
    return transport.execute(request.withCursor(cursor), decoder(cursor));
  }

  @Override
  public CompletableFuture<CursorPage<T>> fetchAsync(String cursor) {
    return transport.executeAsync(request.withCursor(cursor), decoder(cursor));
  }

  private BodyDecoder<CursorPage<T>> decoder(String cursor) {
    return (body, metadata) -> {
      PageBody<T> page = Json.read(body, pageType);
      return CursorPage.of(page.data(), cursor, page.nextCursor(), this, metadata);
    };
  }
}
