package cn.doublerandom.platform.logging;

import cn.doublerandom.security.DevTokens;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AccessLogTest {

    @Test
    void oneLinePerRequestWithTemplateStatusActorAndRoleButNoToken() throws InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r.getParameters() == null ? r.getMessage() : String.format(r.getMessage(), r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(AccessLog.LOGGER);
        logger.addHandler(capture);
        try {
            String uscc = Api.uscc("130304");
            String token = DevTokens.mint("operator-130304", "operator", "130304");
            RestAssured.given().auth().oauth2(token).header("X-Request-Id", "access-log-1")
                    .get("/api/v1/targets/" + uscc + "?asOf=2026-01-01").then().statusCode(404);
            RestAssured.given().auth().oauth2(token + "x").header("X-Request-Id", "access-log-2")
                    .get("/api/v1/targets").then().statusCode(401);
            // a refusal before any resource ran may carry no request id: it is found by its status
            for (int i = 0; i < 50 && (lines.stream().noneMatch(l -> l.contains("access-log-1"))
                    || lines.stream().noneMatch(l -> l.contains(" 401 "))); i++) {
                Thread.sleep(100);
            }
            List<String> ours = lines.stream().filter(l -> l.contains("access-log-1") || l.contains(" 401 ")).toList();
            assertEquals(2, ours.size(), String.valueOf(lines));
            String found = ours.stream().filter(l -> l.contains("access-log-1")).findFirst().orElseThrow();
            assertTrue(found.matches("GET /api/v1/targets/\\{uscc} 404 \\d+ms requestId=access-log-1 actor=operator-130304 role=operator"),
                    found);
            String refused = ours.stream().filter(l -> l.contains("401")).findFirst().orElseThrow();
            assertTrue(refused.startsWith("GET "), refused);
            assertTrue(refused.contains(" 401 ") && refused.contains("actor=anonymous"), refused);
            for (String line : ours) {
                assertFalse(line.contains(token.substring(token.length() - 20)), "the token is never logged: " + line);
                assertFalse(line.contains(uscc) || line.contains("asOf"), "ids and queries stay out: " + line);
            }
        } finally {
            logger.removeHandler(capture);
        }
    }
}
