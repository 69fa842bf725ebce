package cn.doublerandom.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DevTokenLoopbackTest {

    @Test
    void aCallerOnThisMachineGetsAToken() {
        RestAssured.get("/dev/tokens/operator-130123").then().statusCode(200)
                .body(matchesPattern("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"));
        // a forwarded-for header claims nothing: the peer address decides
        RestAssured.given().header("X-Forwarded-For", "192.168.1.20").get("/dev/tokens/admin-130100").then().statusCode(200);
    }

    @Test
    void onlyLiteralLoopbackAddressesCount() {
        for (String a : new String[] {"127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "[::1]", "::ffff:127.0.0.1"}) {
            assertTrue(DevTokenResource.isLoopback(a), a);
        }
        for (String a : new String[] {"192.168.1.20", "10.0.0.1", "0.0.0.0", "localhost", "127.0.0.1.evil.example", "", "::",
                "128.0.0.1", "::ffff:10.0.0.1", null}) {
            assertFalse(DevTokenResource.isLoopback(a), String.valueOf(a));
        }
    }
}
