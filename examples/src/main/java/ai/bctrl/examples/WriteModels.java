package ai.bctrl.examples;

import ai.bctrl.models.InvocationSummary;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Writes each invocation of a run as JSON with a plain ObjectMapper, and reads it back. */
public final class WriteModels {
  private WriteModels() {}

  public static void main(String[] args) throws Exception {
    try (ExampleSupport example = ExampleSupport.connect(ExampleSupport.runIdArgument(args))) {
      for (InvocationSummary invocation :
          example.client.runs().listInvocations(example.runId).stream()
              .limit(3)
              .toArray(InvocationSummary[]::new)) {
        System.out.println(roundTrip(invocation));
      }
    }
  }

  static String roundTrip(InvocationSummary invocation) throws Exception {
    // README: models as JSON
    // Given: InvocationSummary invocation; in a method that throws Exception.
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    String json = mapper.writeValueAsString(invocation);
    InvocationSummary same = mapper.readValue(json, InvocationSummary.class); // equals invocation
    // README: end
    if (!same.equals(invocation)) {
      throw new IllegalStateException("read back differently: " + json);
    }
    return json;
  }
}
