package cn.doublerandom.platform.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place that chooses the language of a problem: Chinese unless the caller's Accept-Language
 * prefers English. Problems are built in English where they arise; here the title becomes the type's
 * Chinese title and the detail and every field or cell message are put in Chinese by the phrases
 * below. A message without a phrase here keeps its English; the {@code type} URI never changes.
 */
public final class ProblemTexts {

    private ProblemTexts() {
    }

    public enum Language { ZH, EN }

    /** Chinese by default; English when the most preferred language tag the service knows is {@code en}. */
    public static Language choose(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
            return Language.ZH;
        }
        record Range(String tag, double q, int order) {
        }
        List<Range> ranges = new ArrayList<>();
        String[] parts = acceptLanguage.split(",");
        for (int i = 0; i < parts.length && i < 32; i++) {
            String[] pieces = parts[i].strip().split(";");
            double q = 1;
            for (int j = 1; j < pieces.length; j++) {
                String p = pieces[j].strip();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            ranges.add(new Range(pieces[0].strip().toLowerCase(Locale.ROOT), q, i));
        }
        return ranges.stream().filter(r -> r.q() > 0)
                .sorted(Comparator.comparingDouble(Range::q).reversed().thenComparingInt(Range::order))
                .map(r -> r.tag().equals("en") || r.tag().startsWith("en-") ? Language.EN
                        : r.tag().equals("zh") || r.tag().startsWith("zh-") || r.tag().equals("*") ? Language.ZH : null)
                .filter(java.util.Objects::nonNull).findFirst().orElse(Language.ZH);
    }

    /** The problem as the caller reads it. */
    public static Problem localize(Problem p, String acceptLanguage) {
        if (choose(acceptLanguage) == Language.EN) {
            return p;
        }
        String slug = p.type() == null ? "" : p.type().substring(p.type().lastIndexOf('/') + 1);
        String title = ProblemType.ofSlug(slug).map(ProblemType::titleZh).orElse(p.title());
        List<Problem.FieldProblem> errors = p.errors() == null ? null : p.errors().stream()
                .map(f -> new Problem.FieldProblem(f.field(), f.row(), f.column(), f.value(), chinese(f.message())))
                .toList();
        return new Problem(p.type(), title, p.status(), chinese(p.detail()), p.instance(), errors, p.extensions());
    }

    /** The Chinese of an English message: each "; "-separated part, keeping a leading "field: ". */
    static String chinese(String english) {
        if (english == null) {
            return null;
        }
        return Arrays.stream(english.split("; ")).map(ProblemTexts::part).collect(Collectors.joining("；"));
    }

    private static final Pattern FIELD_PREFIX = Pattern.compile("([\\w.\\[\\]-]+): (.+)", Pattern.DOTALL);

    private static String part(String text) {
        String whole = phrase(text);
        if (whole != null) {
            return whole;
        }
        Matcher m = FIELD_PREFIX.matcher(text);
        if (m.matches()) {
            String message = phrase(m.group(2));
            if (message != null) {
                return m.group(1) + "：" + message;
            }
        }
        return text;
    }

    private static String phrase(String text) {
        for (Map.Entry<Pattern, Function<Matcher, String>> e : PHRASES) {
            Matcher m = e.getKey().matcher(text);
            if (m.matches()) {
                return e.getValue().apply(m);
            }
        }
        return null;
    }

    private static final Map<String, String> NOUNS = Map.of("draw", "抽取", "target", "检查对象", "inspector", "检查人员",
            "result", "结果", "wording", "措辞", "judgement", "认定", "targeted check", "定向检查", "item", "抽查事项");

    private static final List<Map.Entry<Pattern, Function<Matcher, String>>> PHRASES = new ArrayList<>();

    private static void add(String regex, Function<Matcher, String> chinese) {
        PHRASES.add(Map.entry(Pattern.compile(regex, Pattern.DOTALL), chinese));
    }

    private static void add(String regex, String chinese) {
        add(regex, m -> m.replaceFirst(chinese));
    }

    static {
        // the English titles stand as details where nothing more specific is known
        for (ProblemType t : ProblemType.values()) {
            add(Pattern.quote(t.title()), t.titleZh());
        }
        // the mapper's and filters' own
        add("the body must be exactly one JSON value", "请求体必须恰好是一个 JSON 值");
        add("content follows it", "其后不得有其他内容");
        add("unknown field '(.*)'", "未知字段“$1”");
        add("unknown field", "未知字段");
        add("field '(.*)' must be (.*)", m -> "字段“" + m.group(1) + "”必须是" + kind(m.group(2)));
        add("must be (a date \\(YYYY-MM-DD\\).*|an instant \\(.*|a whole number|true or false|one of \\[.*\\])",
                m -> "必须是" + kind(m.group(1)));
        add("the JSON body does not have the expected shape", "JSON 请求体的结构不符合要求");
        add("field '(.*)' has the wrong type or shape", "字段“$1”的类型或结构不对");
        add("wrong type or shape", "类型或结构不对");
        add("the body is not valid JSON at line (\\d+), column (\\d+)", "请求体不是有效的 JSON（第 $1 行第 $2 列）");
        add("the body is not valid JSON", "请求体不是有效的 JSON");
        add("this endpoint needs a bearer token", "此接口需要持有者令牌（bearer token）");
        add("the bearer token is missing, expired or not signed by a trusted issuer", "持有者令牌缺失、已过期或不是受信任的签发方签发的");
        add("your role does not allow this operation", "您的角色不允许此操作");
        add("the database is not reachable right now", "数据库暂时无法连接");
        add("a concurrent request changed the same record first", "另一个并发请求先修改了同一记录");
        add("read it again and retry", "请重新读取后重试");
        add("an unexpected error occurred", "发生意外错误");
        add("it has been logged", "已记入日志");
        add("the request could not be processed", "无法处理该请求");
        add("the request's path or query contains a NUL character", "请求的路径或查询参数含有 NUL 字符");
        add("the request's path or query is not valid UTF-8", "请求的路径或查询参数不是有效的 UTF-8");
        add("the body is (\\d+) bytes", "请求体为 $1 字节");
        add("the limit is (\\d+) bytes", "上限为 $1 字节");
        add("more than (\\d+) requests a minute from your address", "您的地址每分钟请求超过 $1 次");
        add("retry after (\\d+) s", "请在 $1 秒后重试");
        add("Idempotency-Key must be 1-100 characters of .*", "Idempotency-Key 必须是 1 至 100 个 A-Z、a-z、0-9、“_”、“.”、“:”、“-”字符");
        add("a JSON body is required", "需要 JSON 请求体");
        add("(\\S+) has more than (\\d+) elements", "$1 的元素超过 $2 个");
        add("has more than (\\d+) elements", "元素超过 $1 个");
        add("the request body could not be read", "无法读取请求体");
        add("the request with this Idempotency-Key failed", "使用此 Idempotency-Key 的请求已失败");
        add("retry it", "请重试");
        add("this Idempotency-Key was used for a different request", "此 Idempotency-Key 已用于另一个请求");
        add("use a new key for a new request", "新请求请使用新的键");
        add("a request with this Idempotency-Key is still running", "使用此 Idempotency-Key 的请求仍在处理");
        add("retry shortly", "请稍后重试");
        // fields, whether in a JSON body or a cell of an imported file
        add("is required", "必填");
        add("is required: PRODUCING, HALTED or CLOSED", "必填：PRODUCING、HALTED 或 CLOSED");
        add("is empty", "为空");
        add("must be at most (\\d+) characters", "不得超过 $1 个字符");
        add("(\\S+) must be at most (\\d+) characters", "$1 不得超过 $2 个字符");
        add("contains a control, format or unassigned character U\\+(\\w+) at position (\\d+)",
                "第 $2 个字符是控制字符、格式字符或未分配字符 U+$1");
        add("must be 1-32 characters of a-z, 0-9 and '-'", "必须是 1 至 32 个 a-z、0-9 或“-”字符");
        add("must be 1-32 characters of 0-9, A-Z and '-'", "必须是 1 至 32 个 0-9、A-Z 或“-”字符");
        add("must be between (\\S+) and (\\S+)", "必须介于 $1 与 $2 之间");
        add("(\\S+) must be a date between (\\S+) and (\\S+), like (\\S+)", "$1 必须是 $2 至 $3 之间的日期，如 $4");
        add("(\\S+) must be an instant such as (\\S+), between (\\S+) and (\\S+)", "$1 必须是 $3 至 $4 之间的时刻，如 $2");
        add("must be a date such as (\\S+)", "必须是日期，如 $1");
        add("is in the future \\(today is (\\S+)\\)", "晚于今天（今天是 $1）");
        add("'(.*)' is not 18 characters of 0-9 and A-Y without I, O, S, V, Z",
                "“$1”不是由 0-9 和 A-Y（不含 I、O、S、V、Z）组成的 18 位代码");
        add("check character of (\\S+) is '(.)' but the first 17 characters call for '(.)'",
                "统一社会信用代码校验位错误，应为 $3（$1 的校验位是 $2）");
        add("a real code that fails the check needs usccOverrideReason", "确属真实但校验不通过的代码须填写 usccOverrideReason");
        add("only a code that fails the check character may carry an override", "只有校验位不通过的代码才可填写豁免理由");
        add("must be a 6-digit region code \\(GB/T 2260\\)", "必须是 6 位行政区划代码（GB/T 2260）");
        add("(\\S+) must be a 6-digit region code \\(GB/T 2260\\), got '(.*)'", "$1 必须是 6 位行政区划代码（GB/T 2260），收到“$2”");
        add("must be 6 digits", "必须是 6 位数字");
        add("unknown region code", "行政区划代码不存在");
        add("region (\\S+) is not a known region code", "行政区划代码 $1 不存在");
        add("a target belongs to a county-level region, not a \\w+", "检查对象应属于县级行政区");
        add("(\\S+) must be a county-level region", "$1 必须是县级行政区");
        add("(\\d+) \\((.*)\\) is a \\w+", "$1（$2）不是县级行政区");
        add("must be a county-level region", "必须是县级行政区");
        add("region is required, e.g. (\\d+)", "region 必填，如 $1");
        add("region is required for a national auditor, e.g. (\\d+)", "全国范围的审计员须填写 region，如 $1");
        add("needs positiveListFrom", "须同时填写 positiveListFrom");
        add("must not be before positiveListFrom (\\S+)", "不得早于 positiveListFrom $1");
        add("was typed as a number and Excel kept only 15 digits", "以数字录入，Excel 只保留了 15 位有效数字");
        add("format the column as text and re-enter it", "请将该列设为文本格式后重新录入");
        add("must be 是 or 否", "必须是“是”或“否”");
        add("must be one of (\\[.*\\])", "必须是以下之一：$1");
        add("must be among (\\[.*\\])", "必须在以下范围内：$1");
        // lists and versions
        add("limit must be between 1 and (\\d+)", "limit 必须介于 1 与 $1 之间");
        add("after must be the 'next' value of the previous page", "after 必须是上一页的 next 值");
        add("give from or after, not both", "from 与 after 只能给出其一");
        add("(\\S+) is a whole number from 0 to 10\\^18 without leading zeros", "$1 须为 0 至 10^18 之间不带前导零的整数");
        add("(target|inspector) (\\S+) is at version (\\d+), the request expected (\\d+)",
                m -> NOUNS.get(m.group(1)) + " " + m.group(2) + " 当前为第 " + m.group(3) + " 版，请求预期为第 " + m.group(4) + " 版");
        add("If-Match must be the ETag of the record, e.g. (.*)", "If-Match 必须是记录的 ETag，如 $1");
        add("no (draw|target|inspector|result|wording|judgement|targeted check|item)(?: (.*))?",
                m -> NOUNS.get(m.group(1)) + (m.group(2) == null ? "" : " " + m.group(2)) + " 不存在");
        // draws and their results
        add("(\\d{6}) already drew (\\d{4}Q[1-4]) for (.+)", "$1 的 $3 已完成 $2 的不定向抽取");
        add("(\\d{6}) already drew (\\d{4}Q[1-4])", "$1 已完成 $2 的不定向抽取");
        add("already drew (\\d{4}Q[1-4])", "已完成 $1 的不定向抽取");
        add("a division draws once a quarter undirected, and a new undirected draw must replace a voided one",
                "每个责任处室每季度只进行一次不定向抽取，新的不定向抽取只能替代已作废的抽取");
        add("the quotas of (\\d{6}) for (\\d{4}Q[1-4]) are met by its earlier draws", "$1 $2 的各类别定额已由本季度此前的抽取完成");
        add("(.+) would draw nobody", "$1 的不定向抽取将抽不到任何检查对象");
        add("a directed draw may still inspect more", "如需继续抽查，可进行定向抽查");
        add("requirement (\\d+), selected (\\d+) by earlier draws of the quarter, remaining 0",
                "应抽 $1 家，本季度此前的抽取已抽 $2 家，剩余 0 家");
        add("the result does not fit draw (\\S+)", "结果与抽取 $1 不符");
        add("nothing was recorded", "未记录任何内容");
        add("is not an item of draw (\\S+)", "不是抽取 $1 的抽查事项");
        add("its items are (.*)", "该抽取的抽查事项为 $1");
        add("item (.+) of draw (\\S+) does not apply to (\\S+) \\(it inspects no object of its kinds\\)",
                "抽取 $2 的抽查事项 $1 不适用于检查对象 $3（其检查对象类型不符）");
        add("the visit covers (.*)", "对该检查对象的检查（进一次门、查多项事）涵盖的事项为 $1");
        add("item (.+) of draw (\\S+) has no outcome", "抽取 $2 的抽查事项 $1 没有检查结果");
        add("every item of the visit needs one", "检查涵盖的每个事项都须填写结果");
        add("item (.+) is given twice", "抽查事项 $1 重复填写");
        add("each item of the draw has one outcome", "每个事项只有一个结果");
        // imports
        add("the request body is empty: send the .xlsx or .csv file as the body", "请求体为空：请将 .xlsx 或 .csv 文件作为请求体发送");
        add("the file has no data rows", "文件没有数据行");
        add("appears again", "重复出现");
        add("first in row (\\d+)", "首次出现在第 $1 行");
        add("outside the regions your token may change", "超出您的令牌可修改的地区");
        add("(\\d+) problem\\(s\\) in the (.*) file", "$2文件中有 $1 个问题");
        add("nothing was imported", "未导入任何数据");
        add("Column (\\w+) has data but no header name", "第 $1 列有数据但没有列名");
        add("Column (\\w+) \"(.*)\" is not a recognized column", "第 $1 列“$2”不是可识别的列");
        add("Column (\\w+) \"(.*)\" means the same as column (\\w+) \"(.*)\" \\(field (\\S+)\\)",
                "第 $1 列“$2”与第 $3 列“$4”含义相同（字段 $5）");
        add("only column (\\w+) is used", "只使用第 $1 列");
        add("Required column \"(.*)\" \\(field (\\S+)\\) is missing", "缺少必需的列“$1”（字段 $2）");
        add("accepted names: (.*)", "可用列名：$1");
    }

    private static String kind(String english) {
        if (english.startsWith("a date (YYYY-MM-DD) from ")) {
            String[] range = english.substring("a date (YYYY-MM-DD) from ".length()).split(" to ");
            return "日期（YYYY-MM-DD），介于 " + range[0] + " 与 " + (range.length > 1 ? range[1] : "") + " 之间";
        }
        if (english.startsWith("an instant ")) {
            return "时刻" + english.substring("an instant ".length()).replace('(', '（').replace(')', '）');
        }
        if (english.startsWith("one of ")) {
            return "以下之一：" + english.substring("one of ".length());
        }
        return switch (english) {
            case "a whole number" -> "整数";
            case "true or false" -> "true 或 false";
            default -> english;
        };
    }
}
