package ai.bctrl.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.GzipSource;
import okio.Okio;

/**
 * Reads a response body whole, then undoes its {@code Content-Encoding}. The SDK asks for gzip
 * itself rather than let OkHttp decompress while reading, so that a failure while reading is the
 * connection's (retried) and a body that cannot be decompressed is the body's (not retried).
 */
final class ResponseBodies {
  /** Error bodies, and what an exception keeps of an undecodable page, are cut at this. */
  static final long MAX_RAW_BODY_BYTES = 1 << 20;

  private ResponseBodies() {}

  /** A body as read: its decoded bytes, or why they could not be decoded and the raw bytes. */
  static final class Body {
    final byte[] bytes;
    final SchemaMismatch unreadable;
    private final Charset charset;

    Body(byte[] bytes, SchemaMismatch unreadable, Charset charset) {
      this.bytes = bytes;
      this.unreadable = unreadable;
      this.charset = charset;
    }

    /** As text for {@code rawBody()}: in the declared charset (else UTF-8), cut at one MiB. */
    String text() {
      return new String(bytes, 0, (int) Math.min(bytes.length, MAX_RAW_BODY_BYTES), charset);
    }
  }

  /** Reads the whole body (an error body up to one MiB); throws only if the connection fails. */
  static Body read(ResponseBody body, Headers headers, boolean whole) throws IOException {
    BufferedSource source = body.source();
    byte[] raw;
    if (whole) {
      raw = source.readByteArray();
    } else {
      source.request(MAX_RAW_BODY_BYTES);
      raw =
          source.getBuffer().readByteArray(Math.min(source.getBuffer().size(), MAX_RAW_BODY_BYTES));
    }
    MediaType type = body.contentType();
    Charset charset = type != null ? type.charset(StandardCharsets.UTF_8) : StandardCharsets.UTF_8;
    String encoding = headers.get("Content-Encoding");
    if (encoding == null || encoding.equalsIgnoreCase("identity")) {
      return new Body(raw, null, charset);
    }
    if (!encoding.equalsIgnoreCase("gzip")) {
      String unsupported = "response body: unsupported Content-Encoding " + encoding;
      return new Body(raw, new SchemaMismatch(unsupported, null), charset);
    }
    try (BufferedSource gunzip = Okio.buffer(new GzipSource(new Buffer().write(raw)))) {
      return new Body(gunzip.readByteArray(), null, charset);
    } catch (IOException e) {
      // Kept as received: a body marked gzip that is not is often plain text worth reading.
      String notGzip = "response body: not valid gzip: " + e.getMessage();
      return new Body(raw, new SchemaMismatch(notGzip, e), charset);
    }
  }
}
