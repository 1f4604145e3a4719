package ai.bctrl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A keep-alive HTTP/1.1 server on loopback that closes a connection once it has been idle for
 * {@code idleMillis} after a response, as nginx and Node do (after seconds): the case that makes a
 * pooled connection stale. Serves the same one-item page to every request.
 */
final class IdleClosingServer implements AutoCloseable {
  final AtomicInteger requests = new AtomicInteger();

  /** Released each time the server closes an idle connection. */
  final Semaphore idleClosed = new Semaphore(0);

  /** Released each time a connection ends, closed by either side. */
  final Semaphore connectionsEnded = new Semaphore(0);

  private final ServerSocket socket;
  private final int idleMillis;
  private final Thread acceptor;

  IdleClosingServer(int idleMillis) throws IOException {
    this.idleMillis = idleMillis;
    this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    this.acceptor = new Thread(this::accept, "idle-closing-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/";
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        Thread serve = new Thread(() -> serve(connection), "idle-closing-connection");
        serve.setDaemon(true);
        serve.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (Socket c = connection) {
      // Idle means between requests, as nginx's keepalive_timeout: a new connection waits for its
      // first request (a loaded machine may take a while to write it).
      c.setSoTimeout(0);
      BufferedReader in =
          new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = c.getOutputStream();
      while (true) {
        String line;
        try {
          line = in.readLine();
        } catch (SocketTimeoutException idle) {
          c.close(); // Closed before it is signalled, so that a test never races the close.
          idleClosed.release();
          return;
        }
        if (line == null) {
          return;
        }
        while (!line.isEmpty()) {
          line = in.readLine();
        }
        requests.incrementAndGet();
        byte[] body = Fixtures.pageJson(0, 1, null).getBytes(StandardCharsets.UTF_8);
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        c.setSoTimeout(idleMillis);
      }
    } catch (IOException ignored) {
      // The client went away.
    } finally {
      connectionsEnded.release();
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
