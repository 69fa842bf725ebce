package cn.doublerandom.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The headers a client depends on are in the contract (openapi/openapi.yaml, which OpenApiContractTest
 * holds equal to the served document), so a generated client can read them: X-Request-Id on every
 * answer, Idempotency-Key on every write with Idempotent-Replayed on its success, Retry-After on every
 * 429, and a 429 on every public operation, since the public API is rate limited.
 */
class ContractHeadersTest {

    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static final Set<String> METHODS = Set.of("get", "head", "post", "put", "patch", "delete");

    @Test
    void everyOperationDocumentsTheHeadersItsClientsRead() throws Exception {
        JsonNode doc = new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(Path.of("openapi/openapi.yaml"), StandardCharsets.UTF_8));
        List<String> offenders = new ArrayList<>();
        int operations = 0, writes = 0, publics = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                boolean write = WRITES.contains(op.getKey());
                boolean takesKey = false;
                for (JsonNode p : op.getValue().path("parameters")) {
                    takesKey |= "header".equals(p.path("in").asText()) && "Idempotency-Key".equals(p.path("name").asText());
                }
                if (write) {
                    writes++;
                    if (!takesKey) {
                        offenders.add(name + ": a write without the Idempotency-Key header");
                    }
                }
                JsonNode responses = op.getValue().path("responses");
                for (Iterator<Map.Entry<String, JsonNode>> rs = responses.fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    JsonNode headers = r.getValue().path("headers");
                    String answer = name + " " + r.getKey();
                    if (headers.path("X-Request-Id").isMissingNode()) {
                        offenders.add(answer + ": no X-Request-Id");
                    }
                    if (takesKey && r.getKey().startsWith("2") && headers.path("Idempotent-Replayed").isMissingNode()) {
                        offenders.add(answer + ": no Idempotent-Replayed");
                    }
                    if (r.getKey().equals("429") && headers.path("Retry-After").isMissingNode()) {
                        offenders.add(answer + ": no Retry-After");
                    }
                    if (r.getKey().equals("201") && headers.path("Location").isMissingNode()) {
                        offenders.add(answer + ": no Location");
                    }
                }
                if (path.getKey().startsWith("/public/")) {
                    publics++;
                    if (responses.path("429").isMissingNode()) {
                        offenders.add(name + ": public, but no 429");
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
        assertTrue(operations > 50 && writes > 20 && publics > 5,
                operations + " operations, " + writes + " writes, " + publics + " public ones");
    }
}
