package cn.doublerandom.result;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.support.Api;
import io.restassured.path.json.JsonPath;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.oneOf;

/**
 * A county with targets and certified inspectors, and its executed 2026Q4 draw, built through the
 * API with the clock at 2026-10-09; then results recorded for its selected targets.
 */
public final class ResultFixture {

    public static final Instant OCTOBER_9 = Instant.parse("2026-10-09T02:00:00Z");
    /** Items of each city's list made for the fixtures (the county's city: 130100 for most), created once per run, in id order. */
    private static final Map<String, List<Long>> ITEMS_BY_CITY = new java.util.HashMap<>();
    private static final String[] ITEM_NAMES = {"污染源日常监管（结果测试）", "危险废物规范化管理（结果测试）", "排污许可证执行情况（结果测试）"};

    public final String county;
    public String drawId;
    public final List<Map<String, Object>> targets = new ArrayList<>();
    private int itemCount = 1;

    public ResultFixture(String county) {
        this.county = county;
    }

    private String city() {
        return county.substring(0, 4) + "00";
    }

    private List<Long> items() {
        synchronized (ResultFixture.class) {
            return ITEMS_BY_CITY.computeIfAbsent(city(), k -> new ArrayList<>());
        }
    }

    /** The draw covers {@code n} items (1 to 3) in one visit instead of one. */
    public ResultFixture items(int n) {
        this.itemCount = n;
        return this;
    }

    /** The draw's items, in the draw's order (ascending id). */
    public List<Long> itemIds() {
        return List.copyOf(items().subList(0, itemCount));
    }

    public static String itemName(int i) {
        return ITEM_NAMES[i];
    }

    /** A public source of randomness named at prepare ({@code "ssq 2026118"}) and its value, the given seed; none by default. */
    private String randomness;
    private String given;

    /** The draw names {@code randomness} at prepare and is executed with {@code value} as the given seed. */
    public ResultFixture named(String randomness, String value) {
        this.randomness = randomness;
        this.given = value;
        return this;
    }

    /** One key target (of 4) and {@code generals} general targets are selected. */
    public ResultFixture drawn(ServiceClock clock, int generals) {
        return drawn(clock, generals, OCTOBER_9, "2026Q4");
    }

    /** The same, drawn at another instant for another quarter of 2026. */
    public ResultFixture drawn(ServiceClock clock, int generals, Instant at, String quarter) {
        clock.use(Clock.fixed(at, ZoneOffset.UTC));
        synchronized (ResultFixture.class) {
            List<Long> items = items();
            String city = city();
            if (items.isEmpty()) {
                Api.as("admin", city).body("{}").put("/api/v1/policies/" + city + "/2026").then().statusCode(oneOf(200, 201));
            }
            while (items.size() < itemCount) {
                int n = items.size();
                items.add(((Number) Api.as("admin", city).body("""
                        {"regionCode":"%s","seqNo":"R%d","name":"%s","category":"GENERAL","targetType":"排污单位",
                         "inspectingLevel":"COUNTY_AND_ABOVE","legalBasis":"《中华人民共和国环境保护法》","content":"排污许可执行情况",
                         "methods":["ON_SITE","TECHNOLOGY"],"jointInspection":false}""".formatted(city, n + 1, ITEM_NAMES[n]))
                        .post("/api/v1/items").then().statusCode(201).extract().path("id")).longValue());
            }
        }
        StringBuilder csv = new StringBuilder("统一社会信用代码,单位名称,行政区划代码,排污许可管理类别,环境信用等级,运营状态\n");
        for (int i = 0; i < 4; i++) {
            csv.append(Api.uscc(county)).append(",").append(county).append("重点化工有限公司").append(i).append(',').append(county)
                    .append(",重点管理,B,生产\n");
        }
        for (int i = 0; i < generals; i++) {
            csv.append(Api.uscc(county)).append(",").append(county).append("<一般>建材厂").append(i).append(',').append(county)
                    .append(",登记管理,B,生产\n");
        }
        Api.operator(county).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/targets/import").then().statusCode(200);
        StringBuilder staff = new StringBuilder("人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员,辅助检查人员\n");
        for (int i = 1; i <= 4; i++) {
            staff.append("R").append(county).append("-").append(i).append(",执法员").append(i).append(',').append(county)
                    .append(",冀环执字").append(i).append(",2030-12-31,在岗,是,否\n");
        }
        Api.operator(county).contentType("text/csv").body(staff.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/inspectors/import").then().statusCode(200);
        String items = itemIds().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        String named = randomness == null ? "" : ",\"randomness\":\"" + randomness + "\"";
        drawId = Api.operator(county).body("{\"authority\":\"" + county + "\",\"quarter\":\"" + quarter + "\",\"items\":[" + items + "]"
                        + named + "}")
                .post("/api/v1/draws").then().statusCode(201).extract().path("id");
        String seed = given == null ? "result-" + county : given;
        JsonPath draw = Api.operator(county).body("{\"seed\":\"" + seed + "\"}").post("/api/v1/draws/" + drawId + "/execute")
                .then().statusCode(200).extract().jsonPath();
        targets.addAll(draw.getList("targets"));
        return this;
    }

    public String uscc(int i) {
        return (String) targets.get(i).get("uscc");
    }

    @SuppressWarnings("unchecked")
    public List<String> team(int i) {
        return (List<String>) targets.get(i).get("team");
    }

    /** A valid result body for target i. */
    public String body(int i, String inspected, String determined, String wording, String extra) {
        List<String> team = team(i);
        String problems = wording.equals("NO_PROBLEM") ? "[]"
                : "[{\"type\":\"DUST_CONTROL\",\"description\":\"料场未苫盖，扬尘明显\"}]";
        String handling = wording.equals("NO_PROBLEM") ? "[\"NONE\"]" : "[\"IMMEDIATE_CORRECTION\"]";
        return "{\"drawId\":\"" + drawId + "\",\"uscc\":\"" + uscc(i) + "\",\"inspectionDate\":\"" + inspected
                + "\",\"determinationDate\":\"" + determined + "\",\"wording\":\"" + wording + "\",\"problems\":" + problems
                + ",\"handling\":" + handling + ",\"violationFound\":" + !wording.equals("NO_PROBLEM")
                + ",\"nonSite\":false,\"team\":[\"" + team.get(0) + "\",\"" + team.get(1) + "\"]" + extra + "}";
    }

    /**
     * A valid result body for target i with one outcome per item: {@code wordings[k]} for the draw's
     * k-th item (problems and a violation unless every wording is NO_PROBLEM).
     */
    public String itemsBody(int i, String inspected, String determined, List<String> wordings, String extra) {
        StringBuilder items = new StringBuilder("[");
        for (int k = 0; k < wordings.size(); k++) {
            items.append(k == 0 ? "" : ",").append("{\"itemId\":").append(itemIds().get(k)).append(",\"wording\":\"")
                    .append(wordings.get(k)).append("\"}");
        }
        items.append("]");
        boolean clean = wordings.stream().allMatch("NO_PROBLEM"::equals);
        return body(i, inspected, determined, clean ? "NO_PROBLEM" : "CORRECTED", extra)
                .replaceFirst("\"wording\":\"[A-Z_]+\"", "\"items\":" + java.util.regex.Matcher.quoteReplacement(items.toString()));
    }

    /** Records the result of target i and returns its id. */
    public String record(int i, String inspected, String determined, String wording, String extra) {
        return Api.operator(county).body(body(i, inspected, determined, wording, extra)).post("/api/v1/results")
                .then().statusCode(201).extract().path("id");
    }
}
