package ai.bctrl.internal;

import ai.bctrl.models.InvocationSummary;
import com.fasterxml.jackson.databind.JavaType;
import java.util.List;

/** The SDK's page decoding without the network, for the decode benchmark (same package). */
public final class BenchDecode {
  private static final JavaType PAGE = Json.type(PageBody.class, InvocationSummary.class);

  private BenchDecode() {}

  public static List<InvocationSummary> page(byte[] body) throws SchemaMismatch {
    return Json.<PageBody<InvocationSummary>>read(body, PAGE).data();
  }
}
