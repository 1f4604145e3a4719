package ai.bctrl.internal;

import ai.bctrl.pagination.CursorPage;
import java.util.concurrent.CompletableFuture;

/**
 * A cursor-paginated GET: fetches the page at a cursor, sync or async, through the one {@link
 * Transport}, and gives each page this endpoint as its way to the next. A new list endpoint needs
 * only its path, its query and an {@link ItemReader} for its items.
 *
 * @param <T> the item type
 */
public final class ListEndpoint<T> implements CursorPage.Fetcher<T> {
  private final Transport transport;
  private final ApiRequest request;
  private final PageReader<T> pageReader;

  public ListEndpoint(Transport transport, ApiRequest request, ItemReader<T> itemReader) {
    this.transport = transport;
    this.request = request;
    this.pageReader = new PageReader<>(itemReader);
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
    return parser -> {
      PageReader.PageData<T> page = pageReader.read(parser);
      return CursorPage.of(page.data, cursor, page.nextCursor, this);
    };
  }
}
