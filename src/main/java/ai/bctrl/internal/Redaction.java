package ai.bctrl.internal;

import okhttp3.HttpUrl;

/**
 * Removes API keys of at least {@link #MIN_KEY_LENGTH} characters from text the SDK writes
 * (messages, log lines); a shorter one ({@code "key"} in a test) is no real secret, and replacing
 * it would corrupt ordinary words ({@code Run test-run was not found}). A key that is a whole token
 * (not next to a letter, digit, {@code -} or {@code _}; {@code .} is not one, so a sentence ending
 * with the key loses it) is replaced alone, keeping the punctuation around it ({@code "Bearer
 * <key>"}, {@code "key=<key>&"}); a key inside a longer token ({@code <key>-old}) takes the whole
 * token with it, since replacing the key alone would still show it was a prefix.
 */
final class Redaction {
  static final String REPLACEMENT = "[redacted]";

  static final int MIN_KEY_LENGTH = 8;

  private Redaction() {}

  /** {@code text} with both keys removed; either key may be null. The longer one goes first. */
  static String redact(String text, String key, String otherKey) {
    if (text == null) {
      return null;
    }
    if (key != null && otherKey != null && otherKey.length() > key.length()) {
      return redact(redact(text, otherKey), key);
    }
    return redact(redact(text, key), otherKey);
  }

  /**
   * {@code text} with {@code key} replaced wherever it occurs, as the class describes, and the key
   * as a URL's query carries it (a caller's query parameter may hold it, and a logged URL shows it
   * percent-encoded).
   */
  static String redact(String text, String key) {
    if (text == null || key == null || key.length() < MIN_KEY_LENGTH) {
      return text;
    }
    String inQuery = inQuery(key);
    return redactExactly(inQuery.equals(key) ? text : redactExactly(text, inQuery), key);
  }

  /** {@code key} as OkHttp writes it as a query parameter's value. */
  private static String inQuery(String key) {
    HttpUrl url =
        new HttpUrl.Builder().scheme("http").host("h").addQueryParameter("k", key).build();
    return url.encodedQuery().substring("k=".length());
  }

  private static String redactExactly(String text, String key) {
    int found = text.indexOf(key);
    if (found < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    while (found >= 0) {
      int start = found;
      int end = found + key.length();
      // Only a key that begins (ends) with a token character can run into a longer token.
      if (isTokenChar(key.charAt(0))) {
        while (start > copied && isTokenChar(text.charAt(start - 1))) {
          start--;
        }
      }
      if (isTokenChar(key.charAt(key.length() - 1))) {
        while (end < text.length() && isTokenChar(text.charAt(end))) {
          end++;
        }
      }
      out.append(text, copied, start).append(REPLACEMENT);
      copied = end;
      found = text.indexOf(key, end);
    }
    return out.append(text, copied, text.length()).toString();
  }

  static boolean isTokenChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_';
  }
}
