package cn.doublerandom.result;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.publication.PublicationService;
import cn.doublerandom.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evidence on a result: attachments stored with their SHA-256 and checked on every read, kept from
 * the public until marked publishable, hostile uploads refused with nothing written; and the
 * enterprise's signature on the inspection record, or its refusal with the reason.
 */
@QuarkusTest
class AttachmentTest {

    private static final String COUNTY = "131126";
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static ResultFixture f;
    private static String resultId;
    private static String otherResultId;

    @Inject
    ServiceClock clock;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PublicationService publication;

    @BeforeEach
    void drawOnce() {
        if (f == null) {
            f = new ResultFixture(COUNTY).drawn(clock, 3);
            at("2026-10-20");
            resultId = f.record(0, "2026-10-14", "2026-10-16", "CORRECTED", "");
            otherResultId = f.record(1, "2026-10-15", "2026-10-16", "NO_PROBLEM", "");
        }
        at("2026-10-20");
    }

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    private void at(String day) {
        clock.use(Clock.fixed(Instant.parse(day + "T02:00:00Z"), ZoneOffset.UTC));
    }

    /** A PNG-headed file unique to this run, so no other attachment shares its bytes. */
    private static byte[] png(int size) {
        byte[] unique = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        byte[] b = Arrays.copyOf(PNG_MAGIC, size);
        System.arraycopy(unique, 0, b, PNG_MAGIC.length, Math.min(unique.length, size - PNG_MAGIC.length));
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static Response upload(String result, String contentType, String query, byte[] body) {
        return Api.operator(COUNTY).contentType(contentType).body(body).post("/api/v1/results/" + result + "/attachments" + query);
    }

    /** The query as written, percent escapes and all, as a hostile client sends it. */
    private static Response uploadRaw(String result, String contentType, String query, byte[] body) {
        return Api.operator(COUNTY).urlEncodingEnabled(false).contentType(contentType).body(body)
                .post("/api/v1/results/" + result + "/attachments" + query);
    }

    private static int count(String result) {
        return Api.operator(COUNTY).get("/api/v1/results/" + result + "/attachments").then().statusCode(200)
                .extract().path("items.size()");
    }

    @Test
    void aPhotoIsStoredWithItsHashAndServedBackAfterTheCheck() throws Exception {
        byte[] photo = png(5_000);
        String id = upload(resultId, "image/png", "?kind=PHOTO&fileName=料场东侧.png", photo).then().log().ifValidationFails()
                .statusCode(201).body("sha256", equalTo(sha256(photo))).body("sizeBytes", equalTo(5_000))
                .body("mediaType", equalTo("image/png")).body("kind", equalTo("PHOTO")).body("kindLabel", equalTo("现场照片"))
                .body("fileName", equalTo("料场东侧.png")).body("resultVersion", equalTo(1)).body("publishable", equalTo(false))
                .extract().path("id");
        Response r = Api.operator(COUNTY).get("/api/v1/results/" + resultId + "/attachments/" + id + "/content");
        r.then().statusCode(200).contentType("image/png").header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", containsString("filename*=UTF-8''%E6%96%99"))
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(photo)) + ":");
        assertArrayEquals(photo, r.asByteArray());
        Api.operator(COUNTY).get("/api/v1/results/" + resultId + "/attachments").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.sha256", equalTo(sha256(photo)));
        // another county neither reads nor writes it
        Api.operator("131127").get("/api/v1/results/" + resultId + "/attachments/" + id + "/content").then()
                .statusCode(403);
        Api.as("auditor", COUNTY).contentType("image/png").body(png(100))
                .post("/api/v1/results/" + resultId + "/attachments?kind=PHOTO&fileName=a.png").then().statusCode(403);
    }

    @Test
    void aCorruptedAttachmentIsReportedNotServed() throws Exception {
        byte[] decision = ("%PDF-1.7\n行政处罚决定书 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String id = upload(resultId, "application/pdf", "?kind=PENALTY_DECISION&fileName=决定书.pdf", decision).then()
                .statusCode(201).extract().path("id");
        Api.operator(COUNTY).get("/api/v1/results/" + resultId + "/attachments/" + id + "/content").then().statusCode(200);
        // the store's bytes change behind the service's back (a disk fault, an object store overwritten)
        storeBytes(sha256(decision), flipped(decision));
        Api.operator(COUNTY).get("/api/v1/results/" + resultId + "/attachments/" + id + "/content").then()
                .statusCode(500).contentType("application/problem+json")
                .body("type", endsWith("/problems/attachment-corrupted")).body("attachmentId", equalTo(id))
                .body("sha256", equalTo(sha256(decision))).body("detail", containsString("is not served"));
    }

    private static byte[] flipped(byte[] content) {
        byte[] forged = content.clone();
        forged[forged.length - 1] ^= 1;
        return forged;
    }

    /** Puts other bytes under a hash in the store, as a fault or an intruder would (triggers off). */
    private void storeBytes(String sha256, byte[] content) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            try (PreparedStatement ps = c.prepareStatement("update attachment_content set content = ? where sha256 = ?")) {
                ps.setBytes(1, content);
                ps.setString(2, sha256);
                assertEquals(1, ps.executeUpdate());
            } finally {
                s.execute("set session_replication_role = origin");
            }
        }
    }

    @Test
    void eachAttachmentsHashIsPartOfItsVersionSoASwapChangesTheVersionsDigest() throws Exception {
        String before = digest(resultId);
        byte[] photo = png(3_000);
        String id = upload(resultId, "image/png", "?kind=PHOTO&fileName=排口.png", photo).then().statusCode(201).extract().path("id");
        io.restassured.path.json.JsonPath v = Api.operator(COUNTY).get("/api/v1/results/" + resultId).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(sha256(photo), v.getString("current.attachments.find { it.id == '" + id + "' }.sha256"));
        assertEquals(3_000, v.getInt("current.attachments.find { it.id == '" + id + "' }.sizeBytes"));
        String withPhoto = v.getString("current.digest");
        assertTrue(withPhoto.matches("[0-9a-f]{64}"), withPhoto);
        assertNotEquals(before, withPhoto, "filing an attachment changes the version's digest");
        assertEquals(withPhoto, digest(resultId), "the digest is the same on every read");
        // the attachment row swapped for another file behind the service's back (triggers off)
        String swappedFor = sha256(png(3_000));
        swap(id, swappedFor);
        try {
            String swapped = digest(resultId);
            assertNotEquals(withPhoto, swapped, "a swapped attachment gives the version another digest");
        } finally {
            swap(id, sha256(photo));
        }
        assertEquals(withPhoto, digest(resultId), "the original file, the original digest");
    }

    private static String digest(String result) {
        return Api.operator(COUNTY).get("/api/v1/results/" + result).then().statusCode(200).extract().path("current.digest");
    }

    private void swap(String attachmentId, String sha256) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            try (PreparedStatement ps = c.prepareStatement("update attachment set sha256 = ? where id = ?")) {
                ps.setString(1, sha256);
                ps.setString(2, attachmentId);
                assertEquals(1, ps.executeUpdate());
            } finally {
                s.execute("set session_replication_role = origin");
            }
        }
    }

    @Test
    void hostileUploadsAreRefusedWithNothingWritten() {
        int before = count(resultId);
        upload(resultId, "image/png", "?kind=PHOTO&fileName=big.png", png(64 * 1024 + 1)).then()
                .statusCode(413).contentType("application/problem+json").body("type", endsWith("/problems/payload-too-large"));
        upload(resultId, "image/png", "?kind=PHOTO&fileName=empty.png", new byte[0]).then()
                .statusCode(400).body("errors.field", equalTo(java.util.List.of("body")));
        upload(resultId, "text/html", "?kind=PHOTO&fileName=x.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(415).body("type", endsWith("/problems/unsupported-media-type"));
        // declared a photo, but a web page
        upload(resultId, "image/jpeg", "?kind=PHOTO&fileName=x.jpg", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(415).body("detail", containsString("not image/jpeg"));
        uploadRaw(resultId, "image/png", "?kind=PHOTO&fileName=a%00.png", png(100)).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("NUL"));
        uploadRaw(resultId, "image/png", "?kind=PHOTO&fileName=a%07b.png", png(100)).then().statusCode(400)
                .body("errors.field", equalTo(java.util.List.of("fileName")));
        uploadRaw(resultId, "image/png", "?kind=PHOTO&fileName=..%2F..%2Fetc%2Fpasswd", png(100)).then().statusCode(400)
                .body("errors.field", equalTo(java.util.List.of("fileName")));
        upload(resultId, "image/png", "?kind=SELFIE&fileName=a.png", png(100)).then().statusCode(400)
                .body("errors.field", equalTo(java.util.List.of("kind")));
        upload(resultId, "image/png", "", png(100)).then().statusCode(400)
                .body("errors.field", equalTo(java.util.List.of("kind", "fileName")));
        upload("R999999999", "image/png", "?kind=PHOTO&fileName=a.png", png(100)).then().statusCode(404);
        assertEquals(before, count(resultId));
    }

    @Test
    void nothingIsPublicUntilTheBureauMarksItAndTheResultIsPublished() throws Exception {
        byte[] photo = png(2_000);
        String id = upload(otherResultId, "image/png", "?kind=PHOTO&fileName=厂区.png", photo).then().statusCode(201)
                .extract().path("id");
        String pub = "/public/v1/results/" + otherResultId + "/attachments";
        RestAssured.get(pub).then().statusCode(404);
        RestAssured.get(pub + "/" + id).then().statusCode(404);
        publication.run();
        RestAssured.get(pub).then().statusCode(200).body("items", empty());
        RestAssured.get(pub + "/" + id).then().statusCode(404);

        Api.operator(COUNTY).body("{\"publishable\":true}").post("/api/v1/results/" + otherResultId + "/attachments/" + id
                + "/disclosure").then().statusCode(400).body("errors.field", equalTo(java.util.List.of("reason")));
        Api.operator(COUNTY).body("{\"publishable\":true,\"reason\":\"厂区全景，无人员面部\"}")
                .post("/api/v1/results/" + otherResultId + "/attachments/" + id + "/disclosure").then().statusCode(200)
                .body("publishable", equalTo(true)).body("disclosureReason", equalTo("厂区全景，无人员面部"));
        RestAssured.get(pub).then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(id))
                .body("items[0].sha256", equalTo(sha256(photo))).body("items[0].recordedBy", nullValue());
        assertArrayEquals(photo, RestAssured.get(pub + "/" + id).then().statusCode(200).contentType("image/png")
                .extract().asByteArray());
        // the public read checks the hash as well: changed bytes are reported, never served to the public
        storeBytes(sha256(photo), flipped(photo));
        try {
            RestAssured.get(pub + "/" + id).then().statusCode(500).contentType("application/problem+json")
                    .body("type", endsWith("/problems/attachment-corrupted")).body("attachmentId", equalTo(id));
        } finally {
            storeBytes(sha256(photo), photo);
        }
        assertArrayEquals(photo, RestAssured.get(pub + "/" + id).then().statusCode(200).extract().asByteArray());

        Api.operator(COUNTY).body("{\"publishable\":false,\"reason\":\"照片中可见住户门牌\"}")
                .post("/api/v1/results/" + otherResultId + "/attachments/" + id + "/disclosure").then().statusCode(200)
                .body("publishable", equalTo(false));
        RestAssured.get(pub).then().statusCode(200).body("items", empty());
        RestAssured.get(pub + "/" + id).then().statusCode(404);
    }

    @Test
    void theRecordSaysWhoSignedForTheEnterpriseOrThatTheyRefusedAndWhy() {
        String base = "/api/v1/results/" + resultId + "/signoffs";
        Api.operator(COUNTY).body("{\"signatory\":\"王立新\",\"signatoryRole\":\"法定代表人\",\"refused\":true}").post(base)
                .then().statusCode(400).body("errors.field", equalTo(java.util.List.of("refusalReason")));
        Api.operator(COUNTY).body("{\"signatory\":\"王立新\",\"signatoryRole\":\"法定代表人\",\"refused\":false,"
                + "\"refusalReason\":\"x\"}").post(base).then().statusCode(400)
                .body("errors.field", equalTo(java.util.List.of("refusalReason")));
        Api.operator(COUNTY).body("{\"signatory\":\"王立新\",\"signatoryRole\":\"法定代表人\",\"refused\":true,"
                + "\"refusalReason\":\"称对检查结论有异议，拒绝签字；执法人员在笔录上注明并由两名执法人员签字\"}").post(base)
                .then().log().ifValidationFails().statusCode(201).body("refused", equalTo(true))
                .body("resultVersion", equalTo(1)).body("refusalReason", containsString("拒绝签字"));
        // once per version
        Api.operator(COUNTY).body("{\"signatory\":\"李强\",\"signatoryRole\":\"授权委托人\",\"refused\":false}").post(base)
                .then().statusCode(409);
        Api.operator(COUNTY).get(base).then().statusCode(200).body("items", hasSize(1)).body("items[0].signatory", equalTo("王立新"));

        String other = "/api/v1/results/" + otherResultId + "/signoffs";
        Api.operator(COUNTY).body("{\"signatory\":\"赵敏\",\"signatoryRole\":\"环保负责人（授权委托人）\",\"refused\":false}")
                .post(other).then().statusCode(201).header("Location", endsWith(other)).body("refused", equalTo(false)).body("refusalReason", nullValue());
    }
}
