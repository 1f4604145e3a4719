package ai.bctrl.pagination;

import ai.bctrl.errors.BctrlPaginationException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Stops a walk that a server's cursors would never end. One guard serves one walk: it remembers a
 * 64-bit fingerprint of every cursor the walk followed (about 60 bytes a page, not a copy of the
 * cursor, so a million-item walk of 20,000 pages keeps about a megabyte) and counts empty pages in
 * a row.
 */
final class CursorGuard {
  /** Empty pages that still carry a cursor are legal, but not without end. */
  static final int MAX_CONSECUTIVE_EMPTY_PAGES = 1_000;

  private final Set<Long> followed = new HashSet<>();
  private int consecutiveEmptyPages;
  private int pages;

  /** Starts a walk at the page fetched with {@code startCursor} (null for the first page). */
  CursorGuard(@Nullable String startCursor) {
    if (startCursor != null) {
      followed.add(fingerprint(startCursor));
    }
  }

  /**
   * Checks a page before the walk follows its {@code nextCursor}, and records that cursor. The page
   * must have a next cursor.
   *
   * @throws BctrlPaginationException if the cursor was already followed, or if too many empty pages
   *     came in a row
   */
  void beforeFollowing(CursorPage<?> page) {
    String nextCursor = page.nextCursor().get();
    boolean pageWasEmpty = page.data().isEmpty();
    pages++;
    consecutiveEmptyPages = pageWasEmpty ? consecutiveEmptyPages + 1 : 0;
    if (consecutiveEmptyPages > MAX_CONSECUTIVE_EMPTY_PAGES) {
      throw new BctrlPaginationException(
          "stopped after "
              + consecutiveEmptyPages
              + " empty pages in a row, each with a nextCursor; the server's pagination does not"
              + " end",
          nextCursor);
    }
    if (!followed.add(fingerprint(nextCursor))) {
      throw new BctrlPaginationException(
          "the server returned a nextCursor this walk already followed, after "
              + pages
              + " pages; following it would repeat items without end",
          nextCursor);
    }
  }

  /** FNV-1a over the cursor's UTF-8 bytes: collisions are negligible at walk sizes (2^-64). */
  static long fingerprint(String cursor) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : cursor.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
