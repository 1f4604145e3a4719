package ai.bctrl.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies an OpenAPI Overlay 1.0 document to a spec and writes the result as JSON, so that the
 * published spec stays as it is and the SDK's curation lives beside it.
 *
 * <p>Targets are the plain subset of JSONPath a curation file needs: {@code $} then {@code .name}
 * or {@code ['name']} steps, each naming one member. An action whose target matches nothing fails
 * the build, so that a renamed schema or property cannot make a rule silently stop applying.
 *
 * <p>One default rule is applied to every spec after the overlay: an object schema with no
 * properties and no {@code additionalProperties} is given {@code additionalProperties: true}, which
 * is what OpenAPI means by it, so that the generator makes it a map of any JSON value (as it does
 * for {@code details}) and not a bare {@code Object}.
 *
 * <p>Usage: {@code ApplyOverlay SPEC OVERLAY|none OUT}
 */
public final class ApplyOverlay {
  private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_\\-]+)|\\['([^']+)'\\]");

  private ApplyOverlay() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: ApplyOverlay SPEC OVERLAY|none OUT");
    }
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode spec = yaml.readTree(new File(args[0]));
    if (!args[1].isEmpty() && !args[1].equals("none")) {
      JsonNode overlay = yaml.readTree(new File(args[1]));
      if (!overlay.path("overlay").asText().startsWith("1.")) {
        throw new IllegalArgumentException(args[1] + ": not an OpenAPI Overlay 1.x document");
      }
      for (JsonNode action : overlay.path("actions")) {
        apply(spec, action, args[1]);
      }
    }
    freeFormObjectsAreMaps(spec);
    File out = new File(args[2]);
    out.getParentFile().mkdirs();
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out, spec);
  }

  private static void apply(JsonNode spec, JsonNode action, String overlayFile) {
    String target = action.path("target").asText();
    List<String> steps = steps(target);
    JsonNode parent = spec;
    for (int i = 0; i < steps.size() - 1; i++) {
      parent = parent.path(steps.get(i));
    }
    String last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
    JsonNode node = last == null ? spec : parent.path(last);
    if (node.isMissingNode()) {
      throw new IllegalStateException(
          overlayFile
              + ": target "
              + target
              + " matches nothing in the spec ("
              + why(action)
              + ")");
    }
    if (action.path("remove").asBoolean(false)) {
      ((ObjectNode) parent).remove(last);
    } else if (action.has("update")) {
      merge(node, action.get("update"), target);
    }
  }

  private static void freeFormObjectsAreMaps(JsonNode node) {
    if (node.isObject()) {
      JsonNode type = node.get("type");
      boolean object =
          type != null
              && (type.asText().equals("object")
                  || (type.isArray() && type.toString().contains("\"object\"")));
      if (object
          && !node.has("properties")
          && !node.has("additionalProperties")
          && !node.has("allOf")
          && !node.has("oneOf")
          && !node.has("anyOf")) {
        ((ObjectNode) node).put("additionalProperties", true);
      }
    }
    for (JsonNode child : node) {
      freeFormObjectsAreMaps(child);
    }
  }

  private static String why(JsonNode action) {
    return action.path("description").asText("no description");
  }

  private static List<String> steps(String target) {
    if (!target.startsWith("$")) {
      throw new IllegalArgumentException("target must start with $: " + target);
    }
    List<String> steps = new ArrayList<>();
    Matcher matcher = STEP.matcher(target);
    int at = 1;
    while (at < target.length()) {
      if (!matcher.find(at) || matcher.start() != at) {
        throw new IllegalArgumentException("unsupported target syntax: " + target);
      }
      steps.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
      at = matcher.end();
    }
    return steps;
  }

  /** Overlay 1.0 merge: objects merge member by member, arrays append, anything else replaces. */
  private static void merge(JsonNode target, JsonNode update, String path) {
    if (!target.isObject() || !update.isObject()) {
      throw new IllegalArgumentException("update of " + path + ": both must be objects");
    }
    ObjectNode object = (ObjectNode) target;
    Iterator<Map.Entry<String, JsonNode>> fields = update.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = object.get(field.getKey());
      if (existing != null && existing.isObject() && field.getValue().isObject()) {
        merge(existing, field.getValue(), path + "." + field.getKey());
      } else if (existing != null && existing.isArray() && field.getValue().isArray()) {
        ((ArrayNode) existing).addAll((ArrayNode) field.getValue());
      } else {
        object.set(field.getKey(), field.getValue());
      }
    }
  }
}
