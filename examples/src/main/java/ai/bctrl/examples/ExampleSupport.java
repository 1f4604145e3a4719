package ai.bctrl.examples;

import ai.bctrl.BctrlClient;
import ai.bctrl.errors.BctrlException;
import ai.bctrl.testing.DemoDataset;
import ai.bctrl.testing.LocalGateway;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Where the examples get their client: the real API when {@code BCTRL_API_KEY} is set (run id from
 * the first argument), else a {@link LocalGateway} started in-process with its demo run.
 */
final class ExampleSupport implements AutoCloseable {
  final BctrlClient client;
  final String runId;
  final String baseUrl;
  final String apiKey;
  private final LocalGateway gateway;

  private ExampleSupport(
      BctrlClient client, String runId, String baseUrl, String apiKey, LocalGateway gateway) {
    this.client = client;
    this.runId = runId;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.gateway = gateway;
  }

  /** {@code runIdArg} is used against the real API; the local gateway always has the demo run. */
  static ExampleSupport connect(String runIdArg) throws IOException {
    String key = System.getenv("BCTRL_API_KEY");
    if (key != null && !key.isEmpty()) {
      if (runIdArg == null) {
        // One line that says what to do, not a stack trace from inside Maven.
        System.err.println(
            "BCTRL_API_KEY is set, so the examples talk to the API: give a run id"
                + " (./examples/run RunReport <runId>), or unset BCTRL_API_KEY for the local demo.");
        System.exit(2);
      }
      String baseUrl = System.getenv("BCTRL_BASE_URL");
      return new ExampleSupport(
          BctrlClient.fromEnv(),
          runIdArg,
          baseUrl != null ? baseUrl : BctrlClient.DEFAULT_BASE_URL,
          key,
          null);
    }
    LocalGateway gateway = LocalGateway.start();
    System.err.println("BCTRL_API_KEY is not set: using the local gateway at " + gateway.baseUrl());
    BctrlClient client =
        BctrlClient.builder().baseUrl(gateway.baseUrl()).apiKey(gateway.apiKey()).build();
    return new ExampleSupport(
        client, DemoDataset.DEMO_RUN_ID, gateway.baseUrl(), gateway.apiKey(), gateway);
  }

  /**
   * Runs an example as a program, as {@code ./examples/run} does: {@code ExampleSupport RunReport
   * [args...]}. A failure prints one line, the SDK's own message, and exits with status 1: no stack
   * trace, and no build tool's error report around it.
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: ExampleSupport <Example> [args...]");
      System.exit(2);
    }
    String name = args[0];
    Method main;
    try {
      main =
          Class.forName(name.contains(".") ? name : "ai.bctrl.examples." + name)
              .getMethod("main", String[].class);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      System.err.println("no example named " + name);
      System.exit(2);
      return;
    }
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      System.err.println(simpleName(name) + " failed: " + describe(e.getCause()));
      System.exit(1);
    }
  }

  /** The SDK's message is written for people; anything else also needs its type to make sense. */
  static String describe(Throwable failure) {
    if (failure instanceof BctrlException) {
      return failure.getMessage();
    }
    return failure.toString();
  }

  private static String simpleName(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** The first argument that is not an option, or null. */
  static String runIdArgument(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        if (!args[i].equals("--json")) {
          i++;
        }
        continue;
      }
      return args[i];
    }
    return null;
  }

  @Override
  public void close() {
    client.close();
    if (gateway != null) {
      gateway.close();
    }
  }
}
