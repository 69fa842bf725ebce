package cn.doublerandom.registry.tabular;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Not a test: run with
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) cn.doublerandom.registry.tabular.TabularBenchmark [rows] [rounds]}.
 * Writes and reads back 100,000 rows x 25 columns of realistic Chinese enterprise data as xlsx,
 * csv (UTF-8 BOM) and csv (GBK), printing times and sizes. Round 1 is a cold JVM.
 */
public final class TabularBenchmark {
    static final List<String> HEADER = List.of("统一社会信用代码", "企业名称", "企业类型", "法定代表人", "注册资本（万元）",
            "成立日期", "核准日期", "登记机关", "登记状态", "住所", "经营范围", "联系电话", "电子邮箱", "所属行业", "行业代码",
            "从业人数", "营业期限自", "营业期限至", "邮政编码", "所在乡镇", "社区（村）", "网格员", "纳税信用等级", "参保人数", "备注");

    private static final String[] CITIES = {"济南市历下区", "青岛市黄岛区", "临沂市兰山区", "菏泽市曹县", "潍坊市寿光市", "聊城市阳谷县"};
    private static final String[] WORDS = {"鑫源", "恒通", "华泰", "金达", "宏远", "瑞丰", "永盛", "博达", "汇通", "中兴", "天成", "福满楼", "老王家"};
    private static final String[] TRADES = {"商贸", "科技", "建筑工程", "农业机械", "食品", "物流", "餐饮管理", "服装加工", "电子商务", "化工"};
    private static final String[] FORMS = {"有限公司", "有限责任公司", "股份有限公司", "合作社", "（个体工商户）", "经营部"};
    private static final String[] TYPES = {"有限责任公司（自然人投资或控股）", "个体工商户", "农民专业合作社", "股份有限公司（非上市）", "个人独资企业"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "建国", "秀英", "明", "磊", "静", "强", "丽", "军", "洋", "海燕"};
    private static final String[] TOWNS = {"城关街道", "青龙镇", "马集镇", "大黄集镇", "朱洪庙乡", "普连集镇", "韩集镇"};
    private static final String[] INDUSTRY = {"批发业", "零售业", "餐饮业", "农业", "建筑装饰业", "道路运输业", "软件和信息技术服务业"};
    private static final String SCOPE = "一般项目：日用百货销售；五金产品零售；电子产品销售；农副产品销售；技术服务、技术开发、技术咨询、技术交流、"
            + "技术转让、技术推广；（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）";

    static List<List<String>> generate(int n, long seed) {
        Random rnd = new Random(seed);
        List<List<String>> rows = new ArrayList<>(n);
        String codeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int i = 0; i < n; i++) {
            List<String> r = new ArrayList<>(25);
            StringBuilder uscc = new StringBuilder("913713");
            for (int k = 0; k < 12; k++) {
                uscc.append(codeChars.charAt(rnd.nextInt(codeChars.length())));
            }
            String city = CITIES[rnd.nextInt(CITIES.length)];
            String name = city + WORDS[rnd.nextInt(WORDS.length)] + TRADES[rnd.nextInt(TRADES.length)] + FORMS[rnd.nextInt(FORMS.length)];
            LocalDate founded = LocalDate.of(1995, 1, 1).plusDays(rnd.nextInt(10_000));
            r.add(uscc.toString());
            r.add(name);
            r.add(TYPES[rnd.nextInt(TYPES.length)]);
            r.add(SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)]);
            r.add(String.valueOf(rnd.nextInt(5000) + 1) + (rnd.nextBoolean() ? "" : ".5"));
            r.add(founded.toString());
            r.add(founded.plusDays(rnd.nextInt(3000)).toString());
            r.add(city + "市场监督管理局");
            r.add(rnd.nextInt(10) == 0 ? "注销" : "存续（在营、开业、在册）");
            r.add("山东省" + city + TOWNS[rnd.nextInt(TOWNS.length)] + (rnd.nextInt(300) + 1) + "号" + (rnd.nextInt(5) == 0 ? "，\"临街\"门面" : ""));
            r.add(SCOPE.substring(0, 20 + rnd.nextInt(SCOPE.length() - 20)));
            r.add(rnd.nextBoolean() ? "1" + (30000000000L + (long) (rnd.nextDouble() * 9_999_999_999L)) : "0530-" + (5000000 + rnd.nextInt(4_999_999)));
            r.add(rnd.nextInt(3) == 0 ? "" : "contact" + i + "@example.cn");
            r.add(INDUSTRY[rnd.nextInt(INDUSTRY.length)]);
            r.add(String.format("%04d", rnd.nextInt(9999)));
            r.add(String.valueOf(rnd.nextInt(500)));
            r.add(founded.toString());
            r.add(rnd.nextBoolean() ? "长期" : founded.plusYears(20).toString());
            r.add("27" + (4000 + rnd.nextInt(999)));
            r.add(TOWNS[rnd.nextInt(TOWNS.length)]);
            r.add(WORDS[rnd.nextInt(WORDS.length)] + "村");
            r.add(SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)]);
            r.add(String.valueOf("ABCDM".charAt(rnd.nextInt(5))));
            r.add(String.valueOf(rnd.nextInt(200)));
            r.add(rnd.nextInt(8) == 0 ? "备注：地址\n已变更" : "");
            rows.add(r);
        }
        return rows;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf("JVM %s, %d CPUs, max heap %d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        long t0 = System.nanoTime();
        List<List<String>> rows = generate(n, 42);
        System.out.printf("generated %,d rows x %d columns in %d ms%n", n, HEADER.size(), ms(t0));
        TableReader reader = new TableReader(200_000, 200L << 20);
        Charset gbk = Charset.forName("GBK");
        for (int round = 1; round <= rounds; round++) {
            long t = System.nanoTime();
            ByteArrayOutputStream xo = new ByteArrayOutputStream(16 << 20);
            TableWriter.writeXlsx(HEADER, rows, xo);
            long wx = ms(t);
            byte[] xlsx = xo.toByteArray();
            xo = null;

            t = System.nanoTime();
            ByteArrayOutputStream co = new ByteArrayOutputStream(32 << 20);
            TableWriter.writeCsv(HEADER, rows, co);
            long wc = ms(t);
            byte[] csv = co.toByteArray();
            co = null;
            byte[] gbkCsv = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).getBytes(gbk);

            t = System.nanoTime();
            Table tx = reader.read(xlsx, "bench.xlsx", null);
            long rx = ms(t);
            check(tx, rows, SourceFormat.XLSX);
            tx = null;

            byte[] excelLike = excelLike(rows);
            t = System.nanoTime();
            Table te = reader.read(excelLike, "excel-like.xlsx", null);
            long re = ms(t);
            if (te.size() != rows.size() || !te.rows().get(0).get(5).equals(rows.get(0).get(5))) {
                throw new AssertionError("excel-like " + te.rows().get(0));
            }
            te = null;

            t = System.nanoTime();
            Table tc = reader.read(csv, "bench.csv", null);
            long rc = ms(t);
            check(tc, rows, SourceFormat.CSV_UTF8);
            tc = null;

            t = System.nanoTime();
            Table tg = reader.read(gbkCsv, "bench-gbk.csv", null);
            long rg = ms(t);
            check(tg, rows, SourceFormat.CSV_GBK);
            tg = null;

            System.out.printf("round %d: xlsx write %5d ms, read %5d ms, %6.1f MiB | csv(UTF-8) write %5d ms, read %5d ms, %6.1f MiB"
                            + " | csv(GBK) read %5d ms, %6.1f MiB%n",
                    round, wx, rx, xlsx.length / 1048576.0, wc, rc, csv.length / 1048576.0, rg, gbkCsv.length / 1048576.0);
            System.out.printf("         excel-like xlsx (shared strings, date and number cells) read %5d ms, %6.1f MiB%n",
                    re, excelLike.length / 1048576.0);
        }
        System.gc();
        Table keep = reader.read(gbkCsvOf(rows, gbk), null, null);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap in use with one %,d-row Table held: ~%d MiB%n", keep.size(), (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    /** Like a file saved by Excel: shared strings, real date cells (cols F, G), numbers (E, P, X). */
    private static byte[] excelLike(List<List<String>> rows) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 << 20);
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "bench", "1.0");
        org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("Sheet1");
        for (int c = 0; c < HEADER.size(); c++) {
            ws.value(0, c, HEADER.get(c));
        }
        int r = 1;
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                String v = row.get(c);
                if (v.isEmpty()) {
                    continue;
                }
                if (c == 5 || c == 6) {
                    ws.value(r, c, LocalDate.parse(v));
                    ws.style(r, c).format("yyyy-mm-dd").set();
                } else if (c == 4 || c == 15 || c == 23) {
                    ws.value(r, c, Double.parseDouble(v));
                } else {
                    ws.value(r, c, v);
                }
            }
            if (++r % 1000 == 0) {
                ws.flush();
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    private static byte[] gbkCsvOf(List<List<String>> rows, Charset gbk) throws Exception {
        ByteArrayOutputStream co = new ByteArrayOutputStream();
        TableWriter.writeCsv(HEADER, rows, co);
        byte[] csv = co.toByteArray();
        return new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).getBytes(gbk);
    }

    private static void check(Table t, List<List<String>> rows, SourceFormat format) {
        if (t.sourceFormat() != format || t.size() != rows.size() || !t.header().equals(HEADER)) {
            throw new AssertionError("bad table " + t);
        }
        for (int i = 0; i < rows.size(); i += 997) {
            List<String> want = new ArrayList<>(rows.get(i));
            want.replaceAll(v -> v.isEmpty() ? null : v);
            if (!want.equals(t.rows().get(i).values())) {
                throw new AssertionError("row " + i + ": " + want + " != " + t.rows().get(i).values());
            }
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
