package ai.bctrl.bench;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A loopback server that costs little: every page body is rendered once, so a benchmark measures
 * the client, not the server. Pages are {@code GET /v1/runs/bench/invocations[?cursor=pK]}.
 */
final class PageServer implements AutoCloseable {
  static {
    // Separate header and body writes would otherwise wait on the client's delayed ACK (~40 ms).
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  static final int PER_PAGE = 50;

  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[][] pages;
  private final byte[] itemsJson;
  private final int pageCount;
  private final long latencyMillis;
  private final String scheme;

  /**
   * @param pageCount pages in the list
   * @param prerender true to render every page up front (fast, memory ~ pages); false to build each
   *     body from one shared item block (for walks too long to keep in memory)
   * @param latencyMillis delay before each response, to model a remote server
   */
  PageServer(int pageCount, boolean prerender, long latencyMillis) throws IOException {
    this(pageCount, prerender, latencyMillis, null);
  }

  /**
   * @param tls null for plain HTTP, else the context HTTPS is served with
   */
  PageServer(int pageCount, boolean prerender, long latencyMillis, SSLContext tls)
      throws IOException {
    this.pageCount = pageCount;
    this.latencyMillis = latencyMillis;
    this.itemsJson = Pages.items(0, PER_PAGE).getBytes(StandardCharsets.UTF_8);
    this.pages = prerender ? new byte[pageCount][] : null;
    if (prerender) {
      for (int k = 0; k < pageCount; k++) {
        pages[k] = render(k, Pages.items(k * PER_PAGE, PER_PAGE).getBytes(StandardCharsets.UTF_8));
      }
    }
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    if (tls == null) {
      server = HttpServer.create(address, 0);
    } else {
      HttpsServer https = HttpsServer.create(address, 0);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      server = https;
    }
    this.scheme = tls == null ? "http" : "https";
    executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          int k = query == null ? 0 : Integer.parseInt(query.substring(query.indexOf("=p") + 2));
          byte[] body = prerender ? pages[k] : render(k, itemsJson);
          if (latencyMillis > 0) {
            try {
              Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  private byte[] render(int k, byte[] items) {
    String next = k + 1 < pageCount ? "\"p" + (k + 1) + "\"" : "null";
    byte[] head = "{\"data\":[".getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("],\"nextCursor\":" + next + "}").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + items.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(items, 0, body, head.length, items.length);
    System.arraycopy(tail, 0, body, head.length + items.length, tail.length);
    return body;
  }

  String baseUrl() {
    return scheme + "://localhost:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
