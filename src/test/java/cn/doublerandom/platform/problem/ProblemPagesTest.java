package cn.doublerandom.platform.problem;

import cn.doublerandom.platform.PlatformConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A problem's type is an absolute URI that a person can follow to a page explaining it. */
@QuarkusTest
class ProblemPagesTest {

    @Inject
    PlatformConfig config;

    String base;

    @org.junit.jupiter.api.BeforeEach
    void base() {
        base = config.problem().baseUri();
    }

    @Test
    void everyTypeIsAnAbsoluteUriServedAsAPage() {
        for (ProblemType t : ProblemType.values()) {
            URI uri = URI.create(t.uri());
            assertTrue(uri.isAbsolute(), t + ": " + uri);
            assertEquals(base + t.slug(), t.uri());
            // The test server listens on a port of its own; the configured base names the deployed one.
            RestAssured.given().get(uri.getRawPath()).then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .body(containsString(escaped(t.title())), containsString(escaped(t.explanation())));
        }
    }

    @Test
    void aServedProblemCarriesTheAbsoluteTypeAndItResolves() {
        String type = RestAssured.given().get("/api/v1/targets/91130123MA0CX5XK18").then().statusCode(401)
                .contentType("application/problem+json").extract().path("type");
        assertEquals(base + "unauthenticated", type);
        RestAssured.given().get(URI.create(type).getRawPath()).then().statusCode(200)
                .body(containsString("A valid bearer token is required"));
    }

    @Test
    void theIndexListsEveryTypeAndAnUnknownTypeIsAProblem() {
        String index = RestAssured.given().get("/problems").then().statusCode(200).extract().asString();
        for (ProblemType t : ProblemType.values()) {
            assertTrue(index.contains("href=\"" + t.uri() + "\""), t.slug());
        }
        RestAssured.given().get("/problems/no-such-type-<script>").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo(base + "not-found"));
    }

    private static String escaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
