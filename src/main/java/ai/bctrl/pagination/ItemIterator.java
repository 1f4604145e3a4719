package ai.bctrl.pagination;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Yields the items of each page a page iterator reaches, asking it for the next page only when the
 * items before it are used up. Serves both the plain and the prefetching walk.
 */
final class ItemIterator<T> implements Iterator<T> {
  private final Iterator<CursorPage<T>> pages;
  private List<T> items;
  private int index;

  /** {@code pages} must yield at least the start page. */
  ItemIterator(Iterator<CursorPage<T>> pages) {
    this.pages = pages;
    this.items = pages.next().data();
  }

  @Override
  public boolean hasNext() {
    while (index >= items.size()) {
      if (!pages.hasNext()) {
        return false;
      }
      items = pages.next().data();
      index = 0;
    }
    return true;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return items.get(index++);
  }
}
