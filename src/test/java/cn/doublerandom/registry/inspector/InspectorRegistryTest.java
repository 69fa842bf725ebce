package cn.doublerandom.registry.inspector;

import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.doublerandom.support.Api.operator;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class InspectorRegistryTest {

    private static final String XINLE = "130184";

    @Test
    void keepsCertificateSpecialtiesAndConflictsWithHistory() {
        String conflictUscc = Api.uscc(XINLE);
        operator(XINLE).body("""
                {"regionCode":"130184","name":"李明","certificateNo":"冀环执字0001","certificateExpiry":"2028-06-30",
                 "status":"ACTIVE","certified":true,"specialties":["radiation","ods","radiation"],
                 "conflicts":[{"uscc":"%s","reason":"配偶任职"}]}""".formatted(conflictUscc))
                .put("/api/v1/inspectors/XL-001")
                .then().statusCode(201).body("code", equalTo("XL-001")).body("specialties", contains("ods", "radiation"))
                .body("conflicts[0].uscc", equalTo(conflictUscc)).body("conflicts[0].reason", equalTo("配偶任职"));

        operator(XINLE).body("""
                {"regionCode":"130184","name":"李明","certificateNo":"冀环执字0001","certificateExpiry":"2028-06-30",
                 "status":"SECONDED","certified":true,"specialties":["ods","radiation"],"conflicts":[],
                 "changeReason":"借调省厅"}""")
                .put("/api/v1/inspectors/XL-001").then().statusCode(200).body("version", equalTo(2))
                .body("conflicts", hasSize(0));
        operator(XINLE).get("/api/v1/inspectors/XL-001/history").then()
                .body("items", hasSize(2)).body("items[1].changed", hasItems("status", "conflicts"))
                .body("items[0].state.conflicts[0].reason", equalTo("配偶任职"));
    }

    @Test
    void anAuxiliaryExpertIsNeverCertifiedAndACertifiedMemberNeedsACertificate() {
        operator(XINLE).body("""
                {"regionCode":"130184","name":"王芳","status":"ACTIVE","certified":true,"auxiliary":true}""")
                .put("/api/v1/inspectors/XL-002")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("auxiliary", "certificateNo"));
        operator(XINLE).body("""
                {"regionCode":"130184","name":"王芳","status":"ACTIVE","certified":false,"auxiliary":true,
                 "organisation":"石家庄市生态环境监测中心","specialties":["monitoring"]}""")
                .put("/api/v1/inspectors/XL-002").then().statusCode(201).body("auxiliary", equalTo(true));
    }

    @Test
    void codesAndSpecialtiesFollowTheDrawFormats() {
        operator(XINLE).body("""
                {"regionCode":"130184","name":"赵","status":"ACTIVE","certified":false}""")
                .put("/api/v1/inspectors/xl 3").then().statusCode(400).body("errors.field", hasItem("code"));
        operator(XINLE).body("""
                {"regionCode":"130184","name":"赵","status":"ACTIVE","certified":false,"specialties":["辐射"],
                 "conflicts":[{"uscc":"123","reason":"x"},{"uscc":"%s"}]}""".formatted(Api.uscc(XINLE)))
                .put("/api/v1/inspectors/XL-003").then().statusCode(400)
                .body("errors.field", hasItems("specialties[0]", "conflicts[0].uscc", "conflicts[1].reason"));
        operator(XINLE).get("/api/v1/inspectors/XL-003").then().statusCode(404);
    }

    @Test
    void aCityKeepsItsOwnInspectorsAndReadsItsCounties() {
        Api.as("city", "130100").body("""
                {"regionCode":"130100","name":"市局执法员","certificateNo":"冀环执字9","certificateExpiry":"2029-01-01",
                 "status":"ACTIVE","certified":true}""")
                .put("/api/v1/inspectors/SJZ-001").then().statusCode(201);
        operator(XINLE).get("/api/v1/inspectors/SJZ-001").then().statusCode(403);
        Api.as("city", "130100").body("""
                {"regionCode":"130184","name":"x","status":"ACTIVE","certified":false}""")
                .put("/api/v1/inspectors/XL-009").then().statusCode(403);
        Api.as("city", "130100").get("/api/v1/inspectors?region=130184").then().statusCode(200);
        Api.as("admin", "130100").body("""
                {"regionCode":"130100","name":"x","status":"ACTIVE","certified":false}""")
                .put("/api/v1/inspectors/SJZ-002").then().statusCode(403);
    }
}
