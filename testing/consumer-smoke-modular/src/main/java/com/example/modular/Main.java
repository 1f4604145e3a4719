package com.example.modular;

import ai.bctrl.BctrlClient;
import ai.bctrl.errors.NotFoundException;
import ai.bctrl.models.InvocationStatus;
import ai.bctrl.models.InvocationSummary;
import ai.bctrl.pagination.CursorPage;
import ai.bctrl.runs.ListInvocationsParams;
import ai.bctrl.testing.LocalGateway;
import java.lang.module.ModuleDescriptor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Walks the local gateway's demo run on the module path, sync and async, decodes an API error, and
 * checks that the SDK and the test kit are explicit modules that keep {@code ai.bctrl.internal} to
 * themselves. Exits non-zero on any failure.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    ModuleDescriptor sdk = describe(BctrlClient.class.getModule());
    ModuleDescriptor kit = describe(LocalGateway.class.getModule());
    check(sdk.name().equals("ai.bctrl"), "the SDK's module is ai.bctrl: " + sdk.name());
    check(kit.name().equals("ai.bctrl.testing"), "the kit's module is ai.bctrl.testing");
    check(
        sdk.exports().stream().noneMatch(e -> e.source().equals("ai.bctrl.internal")),
        "ai.bctrl.internal is not exported");
    check(
        !BctrlClient.class.getModule().isExported("ai.bctrl.internal", Main.class.getModule()),
        "ai.bctrl.internal is not exported to this application");

    try (LocalGateway gateway = LocalGateway.start();
        BctrlClient client =
            BctrlClient.builder().baseUrl(gateway.baseUrl()).apiKey(gateway.apiKey()).build()) {
      long count = 0;
      for (InvocationSummary invocation : client.runs().listInvocations("demo-run")) {
        count++;
      }
      check(count == 1234, "the sync walk saw 1234 invocations: " + count);

      AtomicLong failed = new AtomicLong();
      CursorPage<InvocationSummary> first =
          client
              .runs()
              .listInvocationsAsync(
                  "demo-run",
                  ListInvocationsParams.builder().status(InvocationStatus.FAILED).build())
              .get(30, TimeUnit.SECONDS);
      first.forEachAsync(invocation -> failed.incrementAndGet()).get(30, TimeUnit.SECONDS);
      check(failed.get() > 0, "the async walk of failures saw some: " + failed.get());

      try {
        client.runs().listInvocations("no-such-run");
        check(false, "an unknown run throws NotFoundException");
      } catch (NotFoundException e) {
        check(e.code().orElse("").equals("run.not_found"), "the 404 decoded: " + e.getMessage());
      }
      System.out.println(
          "module path: "
              + sdk.toNameAndVersion()
              + " and "
              + kit.toNameAndVersion()
              + " walked "
              + count
              + " invocations ("
              + failed.get()
              + " failed) with no --add-modules");
    }
  }

  private static ModuleDescriptor describe(Module module) {
    check(module.isNamed(), module + " is a named module, not the class path");
    ModuleDescriptor descriptor = module.getDescriptor();
    check(!descriptor.isAutomatic(), descriptor.name() + " has a module-info, not automatic");
    return descriptor;
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError("expected: " + what);
    }
  }
}
