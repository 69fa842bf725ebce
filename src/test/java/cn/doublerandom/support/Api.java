package cn.doublerandom.support;

import cn.doublerandom.registry.target.Uscc;
import cn.doublerandom.security.DevTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.concurrent.atomic.AtomicInteger;

/** Requests as a given role and region, and fresh valid USCCs, for the API tests. */
public final class Api {

    // fixed start: the same codes, so the same draws, on every run
    private static final AtomicInteger SERIAL = new AtomicInteger(10_000);

    private Api() {
    }

    /**
     * Problems are in Chinese by default; the API tests read them in English, as a client sending
     * Accept-Language: en does (ProblemLanguageTest covers the Chinese default).
     */
    public static RequestSpecification as(String role, String region) {
        return RestAssured.given().auth().oauth2(DevTokens.mint(role + "-" + region, role, region)).contentType(ContentType.JSON)
                .header("Accept-Language", "en");
    }

    public static RequestSpecification operator(String region) {
        return as("operator", region);
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON).header("Accept-Language", "en");
    }

    /** A USCC that passes the GB 32100 check, unique within the test run. */
    public static String uscc(String county) {
        String body = "91" + county + String.format("%09d", SERIAL.incrementAndGet()).replace('0', 'A').substring(0, 9);
        return body + Uscc.checkCharacter(body + "0");
    }

    /** The same code with a wrong check character. */
    public static String badCheck(String validUscc) {
        char wrong = validUscc.charAt(17) == '0' ? '1' : '0';
        return validUscc.substring(0, 17) + wrong;
    }

    public static String targetJson(String region, String name) {
        return "{\"regionCode\":\"" + region + "\",\"name\":\"" + name + "\",\"operatingStatus\":\"PRODUCING\"}";
    }
}
