package ai.bctrl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import org.junit.jupiter.api.Test;

/** The contract tests' overlay of the spec adds the timestamp formats and nothing else. */
class ContractOverlayTest {
  @Test
  void overlayDiffersFromTheSpecOnlyByTimestampFormats() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode spec = yaml.readTree(new File("openapi/openapi.yaml"));
    JsonNode overlay = yaml.readTree(new File("contract/openapi-contract.yaml"));
    ObjectNode properties =
        (ObjectNode)
            overlay.path("components").path("schemas").path("InvocationSummary").path("properties");

    assertThat(properties.path("createdAt").path("format").asText()).isEqualTo("date-time");
    assertThat(properties.path("finishedAt").path("format").asText()).isEqualTo("date-time");
    ((ObjectNode) properties.path("createdAt")).remove("format");
    ((ObjectNode) properties.path("finishedAt")).remove("format");
    assertThat(overlay).isEqualTo(spec);
  }
}
