package ai.bctrl;

import static ai.bctrl.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.bctrl.errors.BctrlClosedException;
import ai.bctrl.errors.BctrlException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Code of the caller's that throws (an OkHttp listener or interceptor) changes nothing of ours. */
@Timeout(20)
class UserCodeTest extends MockServerTest {
  /** What a sync call and then an async call of run "r" failed with. */
  private static Throwable[] syncAndAsyncFailures(BctrlClient client) {
    Throwable sync = catchThrowable(() -> client.runs().listInvocations("r"));
    Throwable async =
        catchThrowable(() -> client.runs().listInvocationsAsync("r").get(5, TimeUnit.SECONDS))
            .getCause();
    return new Throwable[] {sync, async};
  }

  @Test
  void closeFailsEveryPendingCallAndReturnsWhenAnOkHttpEventListenerThrows() throws Exception {
    OkHttpClient throwing = TestClients.throwingOnCancel();
    BctrlClient careless = TestClients.builder(server, delayer).okHttpClient(throwing).build();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
      pending.add(careless.runs().listInvocationsAsync("r"));
    }
    for (int i = 0; i < 3; i++) {
      assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
    }

    careless.close(); // Returns normally.

    for (CompletableFuture<?> call : pending) {
      Throwable failure = catchThrowable(() -> call.get(2, TimeUnit.SECONDS));
      assertThat(failure)
          .isInstanceOf(ExecutionException.class)
          .hasCauseExactlyInstanceOf(BctrlClosedException.class);
      assertThat(failure.getCause()).hasMessageContaining("client is closed");
    }
  }

  @Test
  void aThrowingInterceptorFailsSyncAndAsyncCallsTheSameWay() throws Exception {
    OkHttpClient throwing =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  throw new IllegalStateException("interceptor bug");
                })
            .build();
    server.enqueue(page(0, 1, null));
    try (BctrlClient careless =
        TestClients.builder(server, delayer).okHttpClient(throwing).build()) {
      for (Throwable failure : syncAndAsyncFailures(careless)) {
        assertThat(failure)
            .isExactlyInstanceOf(BctrlException.class)
            .hasMessageContaining("GET /v1/runs/r/invocations failed: an interceptor")
            .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(((BctrlException) failure).attempts()).isEqualTo(1);
      }
    }
    assertThat(delayer.waits).as("not retried").isEmpty();
    assertThat(server.getRequestCount()).isZero();
  }

  /**
   * A listener that throws as a failed call ends: on the caller's thread it comes out of {@code
   * execute()}; on the dispatcher OkHttp's {@code AsyncCall} reports it as an IOException "canceled
   * due to" it (suppressed on OkHttp 4, the cause on 5: this runs on both with -Pokhttp5).
   */
  @Test
  void aListenerThatThrowsAsAFailedCallEndsFailsSyncAndAsyncCallsTheSameWay() throws Exception {
    OkHttpClient throwing =
        new OkHttpClient.Builder()
            .eventListener(
                new EventListener() {
                  @Override
                  public void callFailed(Call call, IOException e) {
                    throw new IllegalStateException("listener bug");
                  }
                })
            .build();
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    try (BctrlClient careless =
        TestClients.builder(server, delayer).okHttpClient(throwing).maxRetries(0).build()) {
      for (Throwable failure : syncAndAsyncFailures(careless)) {
        assertThat(failure)
            .isExactlyInstanceOf(BctrlException.class)
            .hasMessageContaining("GET /v1/runs/r/invocations failed: an interceptor or listener")
            .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(failure.getCause()).hasMessage("listener bug");
      }
    }
  }
}
