package cn.doublerandom.draw;

import cn.doublerandom.support.Api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds a county's registries through the API: known classes, inspectors with a conflict. */
public final class DrawFixture {

    final String county;
    final List<String> key = new ArrayList<>();
    final List<String> special = new ArrayList<>();
    final List<String> general = new ArrayList<>();
    final List<String> halted = new ArrayList<>();
    final List<String> technology = new ArrayList<>();
    String conflicted;

    public DrawFixture(String county) {
        this.county = county;
    }

    /** keys producing KEY targets (one more halted), specials with credit D, generals plain; certified inspectors. */
    public DrawFixture build(int keys, int specials, int generals, int certified) {
        StringBuilder csv = new StringBuilder("统一社会信用代码,单位名称,行政区划代码,监控类型,排污许可管理类别,环境信用等级,运营状态\n");
        for (int i = 0; i < keys; i++) {
            String u = Api.uscc(county);
            key.add(u);
            // every third key target has complete non-site monitoring: checked by technology
            String monitoring = i % 3 == 0 ? "在线监测、分表计电" : "";
            if (i % 3 == 0) {
                technology.add(u);
            }
            csv.append(u).append(",重点企业").append(i).append(',').append(county).append(',').append(monitoring).append(",重点管理,B,生产\n");
        }
        String h = Api.uscc(county);
        halted.add(h);
        csv.append(h).append(",停产企业,").append(county).append(",,重点管理,B,停产\n");
        for (int i = 0; i < specials; i++) {
            String u = Api.uscc(county);
            special.add(u);
            csv.append(u).append(",失信企业").append(i).append(',').append(county).append(",,简化管理,D,生产\n");
        }
        for (int i = 0; i < generals; i++) {
            String u = Api.uscc(county);
            general.add(u);
            csv.append(u).append(",一般企业").append(i).append(',').append(county).append(",,登记管理,B,生产\n");
        }
        Api.operator(county).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/targets/import").then().statusCode(200);
        conflicted = key.get(0);
        StringBuilder staff = new StringBuilder("人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员,辅助检查人员,回避企业\n");
        for (int i = 1; i <= certified; i++) {
            staff.append(code(i)).append(",执法员").append(i).append(',').append(county).append(",冀环执字").append(i)
                    .append(",2030-12-31,在岗,是,否,").append(i == 1 ? conflicted + ":亲属任职" : "").append('\n');
        }
        staff.append(code(90)).append(",辅助专家,").append(county).append(",,,在岗,否,是,\n");
        staff.append(code(91)).append(",休假人员,").append(county).append(",冀环执字91,2030-12-31,休假,是,否,\n");
        Api.operator(county).contentType("text/csv").body(staff.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/inspectors/import").then().statusCode(200);
        return this;
    }

    String code(int i) {
        return "T" + county + "-" + String.format("%02d", i);
    }

    List<String> allProducing() {
        List<String> all = new ArrayList<>(key);
        all.addAll(special);
        all.addAll(general);
        return all;
    }
}
