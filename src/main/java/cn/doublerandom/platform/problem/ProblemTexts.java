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

    /** A message built in English, as the caller reads it: Chinese unless English is preferred. */
    public static String inLanguage(String english, String acceptLanguage) {
        return choose(acceptLanguage) == Language.EN ? english : chinese(english);
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
            "result", "结果", "wording", "措辞", "judgement", "认定", "targeted check", "针对性检查", "item", "抽查事项");

    private static final Map<String, String> LEVELS = Map.of("county", "县级", "city", "市级", "province", "省级");

    private static final Map<String, String> ACTIONS = Map.of("read", "读取地区 %s 的数据", "administer", "管理地区 %s",
            "change the authority of", "修改地区 %s 的执法机关信息", "change the registry of", "修改地区 %s 的名录库",
            "set the scoring scheme of", "设定地区 %s 的评分方案");

    private static final List<Map.Entry<Pattern, Function<Matcher, String>>> PHRASES = new ArrayList<>();

    private static final Map<String, String> RANDOMNESS_FORMATS = Map.of(
            "six red balls 01-33 ascending, '+', the blue ball 01-16, e.g. 03 09 14 22 27 31 + 05",
            "即六个红球号码 01-33 升序、“+”、一个蓝球号码 01-16，如 03 09 14 22 27 31 + 05",
            "five front balls 01-35 ascending, '+', two back balls 01-12 ascending, e.g. 02 11 19 28 33 + 04 09",
            "即五个前区号码 01-35 升序、“+”、两个后区号码 01-12 升序，如 02 11 19 28 33 + 04 09",
            "the round's randomness, 64 lowercase hex characters", "即该轮的 randomness，64 个小写十六进制字符",
            "the pulse's outputValue, 128 uppercase hex characters", "即该脉冲的 outputValue，128 个大写十六进制字符");

    /** The phrases' patterns in the order they are tried, for the test that each has one translation. */
    static List<String> phrasePatterns() {
        return PHRASES.stream().map(e -> e.getKey().pattern()).toList();
    }

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
        add("the request's path or query contains a control character in its path", "请求的路径含有控制字符");
        add("the body is (\\d+) bytes", "请求体为 $1 字节");
        add("the limit is (\\d+) bytes", "上限为 $1 字节");
        add("the request's path and query are (\\d+) characters", "请求的路径和查询参数共 $1 个字符");
        add("the limit is (\\d+)", "上限为 $1 个字符");
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
        add("the lead is not valid", "线索登记不合规");
        add("the closure is not valid", "线索办结登记不合规");
        add("is not a lead source: one of (\\[.*\\])", "不是线索来源，应为以下之一：$1");
        add("is required: one of (\\[.*\\])", "必填，应为以下之一：$1");
        add("must not be in the future", "不得晚于今天");
        add("must not be before openedOn (\\S+)", "不得早于线索登记日期 $1");
        add("lead (\\d+) was already closed", "线索 $1 已办结");
        add("target (\\S+) has no lead (\\d+)", "检查对象 $1 没有编号为 $2 的线索");
        add("the approval is not valid", "其他检查方式审批登记不合规");
        add("the withdrawal is not valid", "审批撤回登记不合规");
        add("is not a method that needs approval: one of (\\[.*\\])", "不是须经批准的其他检查方式，应为以下之一：$1");
        add("is not a known item", "不是已登记的抽查事项");
        add("item (\\d+) does not allow 书面检查", "抽查事项 $1 不适用书面检查");
        add("must not be before today (\\S+)", "不得早于今天 $1");
        add("must not be before validFrom (\\S+)", "不得早于 validFrom $1");
        add("must be at most (\\d+) days after validFrom", "有效期不得超过 $1 天");
        add("approval (\\d+) already covers every item of target (\\S+) from (\\S+) to (\\S+) until withdrawn",
                "审批 $1 已覆盖检查对象 $2 的全部事项（$3 至 $4），请先撤回");
        add("approval (\\d+) already covers item (\\d+) of target (\\S+) from (\\S+) to (\\S+) until withdrawn",
                "审批 $1 已覆盖检查对象 $3 的抽查事项 $2（$4 至 $5），请先撤回");
        add("approval (\\d+) was already withdrawn", "审批 $1 已撤回");
        add("target (\\S+) has no approval (\\d+)", "检查对象 $1 没有编号为 $2 的审批");
        add("only the approving bureau (\\d+) may withdraw approval (\\d+)", "只有批准机关 $1 可以撤回审批 $2");
        add("was typed as a number and Excel kept only 15 digits", "以数字录入，Excel 只保留了 15 位有效数字");
        add("format the column as text and re-enter it", "请将该列设为文本格式后重新录入");
        add("must be 是 or 否", "必须是“是”或“否”");
        add("must be one of (\\[.*\\])", "必须是以下之一：$1");
        add("must be among (\\[.*\\])", "必须在以下范围内：$1");
        // drawing
        add("no quota policy of (\\S+) or the regions above it covers (\\d+)", "$1 及其上级地区均未设定覆盖 $2 年的配额政策");
        add("an administrator sets one at (\\S+)", "由管理员在 $1 设定");
        add("a directed draw needs a count from 1 to 100000", "定向抽取须给出 1 至 100000 之间的数量（count）");
        add("a directed draw needs at least one tag in filter", "定向抽取的 filter 至少须有一个标签");
        add("the filter is not valid", "筛选条件（filter）无效");
        add("filter values must not contain ';' or '='", "filter 的值不得含有“;”或“=”");
        add("an undirected draw takes neither filter nor count: its quotas come from the policy",
                "不定向抽取不接受 filter 或 count：其配额来自配额政策");
        add("a draw covers at most (\\d+) items", "一次抽取最多涵盖 $1 个事项");
        add("got (\\d+)", "收到 $1 个");
        add("a draw needs at least one item of the item list", "抽取至少须包含事项清单中的一个事项");
        add("(\\d+) item\\(s\\) cannot be drawn by (\\S+)", "$1 个事项不能由 $2 抽取");
        add("the division is not valid", "科室（division）无效");
        add("the items belong to (\\d+) divisions (.*): a draw across divisions is an internal joint inspection \\(内部联合抽查\\)",
                "这些事项分属 $1 个科室 $2：跨科室的抽取是内部联合抽查");
        add("name its lead division and set joint", "请指定牵头科室并设置 joint");
        add("no item of the draw is (.+)'s own", "抽取的事项均不属于 $1");
        add("is the responsible division of none of the items (.*)", "不是事项 $1 中任何一项的责任科室");
        add("a joint inspection's items belong to two or more divisions", "联合检查的事项须分属两个及以上科室");
        add("these belong to (.+) alone", "这些事项只属于 $1");
        add("(\\d+) item\\(s\\) of another division than (.+)", "$1 个事项属于 $2 以外的科室");
        add("no target in the jurisdiction of (\\S+) is of a kind these items inspect", "$1 辖区内没有这些事项所检查类型的检查对象");
        add("nothing was prepared", "未准备任何抽取");
        add("no such item", "事项清单中没有该事项");
        add("the item is retired", "该事项已停用");
        add("the item belongs to the list of (\\S+), which does not apply to (\\S+)", "该事项属于 $1 的事项清单，不适用于 $2");
        add("the item has no inspecting level \\(〔缺失〕 in the source list\\)", "该事项没有检查层级（来源清单中为〔缺失〕）");
        add("an administrator must set it first", "须先由管理员设定");
        add("a (county|city|province) bureau may not draw an item for (.+)",
                m -> LEVELS.get(m.group(1)) + "生态环境部门不能抽取应由" + m.group(2) + "检查的事项");
        add("listed twice", "重复列出");
        add("needed: the items belong to (.+)", "须指定牵头科室：这些事项分属 $1");
        add("a joint inspection names its lead division, one of (.+)", "联合检查须指定牵头科室，为 $1 之一");
        add("a draw for (\\S+) is prepared between (\\S+) and (\\S+)", "$1 的抽取须在 $2 至 $3 之间准备");
        add("today is (\\S+)", "今天是 $1");
        add("kind must be UNDIRECTED or DIRECTED", "kind 必须是 UNDIRECTED 或 DIRECTED");
        add("the (undirected|directed) draw (\\S+)(?: of division (.+?))? of (\\S+) for (\\S+) is prepared and not executed: execute or void it first",
                m -> m.group(4) + " " + m.group(5) + " 的" + (m.group(1).equals("directed") ? "定向" : "不定向") + "抽取 " + m.group(2)
                        + (m.group(3) == null ? "" : "（" + m.group(3) + "）") + " 已准备而未执行：请先执行或作废");
        add("the next undirected draw's pool and quotas depend on its selection", "下一次不定向抽取的检查对象库和定额取决于该抽取的选取结果");
        add("a query parameter could not be read: a number, date or code is malformed", "查询参数无法读取：数字、日期或代码格式有误");
        add("no target is drawn twice in a quarter, so the next draw's pool depends on its selection",
                "同一检查对象每季度至多被抽取一次，下一次抽取的检查对象库取决于该抽取的选取结果");
        add("draw (\\S+) is open", "抽取 $1 已准备而未执行");
        add("no eligible target of (\\S+) matches the filter (.*) in (\\S+)", "$1 在 $3 没有符合筛选条件 $2 的合格检查对象");
        add("matches no eligible target", "没有符合的合格检查对象");
        add("draw (\\S+) is (\\S+): a prepared draw is executed at most once", "抽取 $1 的状态为 $2：已准备的抽取最多执行一次");
        add("the seed '(.*)' was already used for another draw", "种子“$1”已用于另一次抽取");
        add("roll the dice again", "请重新掷骰");
        // the engine's failure reason after it is put in Chinese too
        add("draw (\\S+) failed: (.*)", m -> "抽取 " + m.group(1) + " 失败：" + part(m.group(2)));
        add("no certified inspector is active on the draw date \\(I = 0\\)", "抽取日没有在岗的持证检查人员（I = 0）");
        add("target (\\S+) has (\\d+) of (\\d+) certified members from (\\d+) candidates: (\\d+) recused, (\\d+) on its previous team, "
                + "(\\d+) at the cap", "检查对象 $1 只配到 $2 名持证组员（需 $3 名），候选 $4 人中 $5 人回避、$6 人在其上一检查组、$7 人已达次数上限");
        add("target (\\S+) has no eligible (\\S+) specialist among (\\d+) holders: (\\d+) already on the team, (\\d+) recused, "
                + "(\\d+) on its previous team", "检查对象 $1 没有合格的 $2 专业人员：$3 名持有者中 $4 人已在检查组、$5 人回避、$6 人在其上一检查组");
        add("nonce must be 32 lowercase hex characters, got (.*)", m -> "随机数须为 32 个小写十六进制字符，收到"
                + (m.group(1).equals("nothing") ? "空值" : m.group(1).replace(" characters", " 个字符")));
        add("the attempt is on the ledger, nothing was selected", "此次尝试已记入账本，未选中任何对象");
        add("fix the inspector registry and prepare again", "请修正检查人员名录库后重新准备");
        add("voiding a draw needs a reason", "作废抽取须说明理由");
        add("draw (\\S+) is already voided", "抽取 $1 已作废");
        add("a substitution needs the member and a reason", "替换须给出成员和理由");
        add("draw (\\S+) is (\\S+): only an executed draw's teams are substituted", "抽取 $1 的状态为 $2：只有已执行抽取的检查组可以替换成员");
        add("target (\\S+) was not selected by draw (\\S+)", "检查对象 $1 未被抽取 $2 选中");
        add("(\\S+) is not on the team of (\\S+): (.*)", "$1 不在 $2 的检查组中：$3");
        add("no eligible candidate is left in the sequence of (\\S+) to replace (\\S+)", "$1 的候选序列中已没有可替换 $2 的合格人员");
        add("draw (\\S+) is not a (\\S+) draw of (\\S+) for (\\S+)", "抽取 $1 不是 $3 在 $4 的 $2 抽取");
        add("draw (\\S+) is not voided", "抽取 $1 未作废");
        add("only a voided draw is replaced", "只有已作废的抽取可以被替代");
        add("draw (\\S+) was already replaced", "抽取 $1 已被替代");
        // seeds and named public randomness
        add("seed is missing", "种子缺失");
        add("seed is empty", "种子为空");
        add("it needs 1 to 256 characters", "须为 1 至 256 个字符");
        add("(given seed|seed) is too long: (\\d+) characters, at most (\\d+) allowed( \\(.*\\))?",
                m -> (m.group(1).equals("seed") ? "种子" : "给定种子") + "过长：" + m.group(2) + " 个字符，最多允许 " + m.group(3) + " 个"
                        + (m.group(4) == null ? "" : "（种子另加“|”和 32 个字符的随机数，共 256 个）"));
        add("given seed \"-\" is not allowed: the record uses \"-\" for no given seed", "给定种子不能为“-”：记录中以“-”表示未给定种子");
        add("(given seed|seed) has (a control character \\(Cc\\)|a format character \\(Cf\\)|a line separator \\(Zl\\)"
                + "|a paragraph separator \\(Zp\\)|an unpaired surrogate) at position (\\d+) \\((U\\+\\w+)\\)",
                m -> (m.group(1).equals("seed") ? "种子" : "给定种子") + "第 " + m.group(3) + " 个字符（" + m.group(4) + "）是"
                        + Map.of("a control character (Cc)", "控制字符", "a format character (Cf)", "格式字符",
                        "a line separator (Zl)", "行分隔符", "a paragraph separator (Zp)", "段分隔符",
                        "an unpaired surrogate", "未配对的代理项").get(m.group(2)));
        add("line breaks and invisible characters are not allowed", "不允许换行符和不可见字符");
        add("unknown public randomness source (.*): ssq, dlt, drand or nist", "未知的公开随机源 $1：可选 ssq、dlt、drand 或 nist");
        add("the round of (\\S+) must match (\\S+), got (.*)", "$1 的期号须符合 $2，收到 $3");
        add("public randomness is missing", "未给出公开随机源");
        add("public randomness is written '<source> <round>', e.g. 'ssq 2026130'", "公开随机源写作“<来源> <期号>”，如“ssq 2026130”");
        add("the draw named (.+) at prepare: the given seed must be its value, (.*)",
                m -> "该抽取在准备时指定了 " + m.group(1) + "：给定种子必须是其开奖值，" + RANDOMNESS_FORMATS.getOrDefault(m.group(2), m.group(2)));
        add("wording (\\S+) is already retired", "措辞 $1 已停用");
        // results and their follow-up
        add("the result of (\\S+) in draw (\\S+) is (\\S+)", "检查对象 $1 在抽取 $2 中的结果已是 $3");
        add("a change is a correction: POST (\\S+)", "修改须作为更正提交：POST $1");
        add("a change is a correction", "修改须作为更正提交");
        add("(holding|releasing) a result needs a reason", m -> (m.group(1).equals("holding") ? "暂缓公示" : "解除暂缓") + "结果须说明理由");
        add("result (\\S+) is (\\S+): only a publishable result is held", "结果 $1 的状态为 $2：只有可公示的结果可以暂缓公示");
        add("result (\\S+) is (\\S+), not HELD", "结果 $1 的状态为 $2，不是暂缓公示（HELD）");
        add("the (result|wording|check|judgement|scheme|event) is not valid", m -> Map.of("result", "结果", "wording", "措辞", "check",
                "检查", "judgement", "认定", "scheme", "评分方案", "event", "事件").get(m.group(1)) + "无效");
        add("nothing was recorded", "未记录任何内容");
        add("the result does not fit draw (\\S+)", "结果与抽取 $1 不符");
        add("draw (\\S+) is voided: its targets are not inspected under it", "抽取 $1 已作废：不按该抽取检查其对象");
        add("draw (\\S+) was not executed: it selected no target", "抽取 $1 未执行：未选中任何检查对象");
        add("(\\S+) was not selected by draw (\\S+)", "$1 未被抽取 $2 选中");
        add("a result is recorded only for a selected target", "只能为被选中的检查对象记录结果");
        add("not selected by (\\S+)", "未被 $1 选中");
        // the public portal
        add("to \\((\\S+)\\) is before from \\((\\S+)\\)", "to（$1）早于 from（$2）");
        add("to is before from", "to 早于 from");
        add("wording must be a wording code: see (\\S+)", "wording 必须是措辞代码：见 $1");
        add("q is a USCC or at least 2 characters of the enterprise name", "q 须为统一社会信用代码或企业名称中至少 2 个字符");
        add("no published result(?: (.*))?", m -> "已公示的结果" + (m.group(1) == null ? "" : " " + m.group(1)) + " 不存在");
        add("no public draw(?: (.*))?", m -> "公开的抽取" + (m.group(1) == null ? "" : " " + m.group(1)) + " 不存在");
        add("draw (\\S+) is not public: it is public once each of its results is published or withheld",
                "抽取 $1 尚未公开：其每个结果均已公示或依法不予公示后才公开");
        // policies, tokens and scopes
        add("year is required", "year 必填");
        add("year must be between 2000 and 2100", "year 必须介于 2000 与 2100 之间");
        add("no policy for (\\S+) or above it for (\\S+)", "$1 及其上级地区均没有 $2 年的配额政策");
        add("no policy of (\\S+) for (\\S+)", "$1 没有 $2 年的配额政策");
        add("the token carries none of the roles (.*)", "令牌不含以下任何角色：$1");
        add("the token has no '(.*)' claim", "令牌没有“$1”声明");
        add("the '(.*)' claim ALL is for auditors only", "“$1”声明为 ALL 仅限审计人员");
        add("the token's '(.*)' claim is not a known region code", "令牌的“$1”声明不是已知的行政区划代码");
        add("(\\S+) of region (\\S+) may not (.+) region (\\S+)", m -> "地区 " + m.group(2) + " 的 " + m.group(1) + " 不得"
                + ACTIONS.getOrDefault(m.group(3), m.group(3) + " 地区 %s").formatted(m.group(4)));
        // wordings, events, versions
        add("wording code (\\S+) exists already \\((.*), region (\\S+)\\)", "措辞代码 $1 已存在（$2，地区 $3）");
        add("codes are unique service-wide and never reused", "代码在全服务内唯一且不再复用");
        add("exists already", "已存在");
        add("the text (.*) is already wording (\\S+) of region (\\S+), which applies where this one would",
                "文本“$1”已是地区 $3 的措辞 $2，且适用范围相同");
        add("duplicates (\\S+)", "与 $1 重复");
        add("the national wordings \\((.*)\\) are kept by the service and change with a release, not by a region's administrator",
                "全国统一措辞（$1）由本服务维护，随版本发布变更，地区管理员不得修改");
        add("retiring a wording needs a reason and a date not before it applied", "停用措辞须给出理由和不早于其生效日的日期");
        add("a retraction needs a reason", "撤销须说明理由");
        add("event (\\S+) was already retracted", "事件 $1 已撤销");
        add("target (\\S+) has no event (\\S+)", "检查对象 $1 没有事件 $2");
        add("the authority of (\\S+) is at version (\\d+), the request expected (\\d+)", "$1 的执法机关当前为第 $2 版，请求预期为第 $3 版");
        add("the authority of (\\S+) was changed by another request meanwhile", "$1 的执法机关已被另一个请求修改");
        add("read it again", "请重新读取");
        add("(\\S+) must be at most 100 plain characters", "$1 不得超过 100 个普通字符");
        add("credit export batch (\\S+)", "信用公示导出批次 $1 不存在");
        add("format is xlsx or csv", "format 须为 xlsx 或 csv");
        add("format must be xlsx or csv", "format 必须是 xlsx 或 csv");
        // the transparency log
        add("from is a record's seq, 1 or more", "from 是记录序号，须为 1 或以上");
        add("the log has issued no checkpoint yet", "日志尚未发布任何检查点");
        add("the log has issued no checkpoint of size (\\d+)", "日志没有发布规模为 $1 的检查点");
        add("seq is required", "seq 必填");
        add("from is required", "from 必填");
        // evidence, follow-up and judgements
        add("the attachment is (\\d+) bytes", "附件为 $1 字节");
        add("the limit is (\\d+) bytes \\((.*)\\)", "上限为 $1 字节（$2）");
        add("an attachment is one of (.*), declared in Content-Type", "附件须为以下类型之一：$1，在 Content-Type 中声明");
        add("the (attachment|signature) was not recorded", m -> (m.group(1).equals("attachment") ? "附件" : "签字") + "未记录");
        add("the content is not (\\S+) as declared", "内容不是所声明的 $1");
        add("the attachment's disclosure was not changed", "附件的公开设置未更改");
        add("published result (\\S+)", "已公示的结果 $1 不存在");
        add("public attachment (\\S+)", "公开附件 $1 不存在");
        add("attachment (\\S+) of result (\\S+)", "结果 $2 的附件 $1 不存在");
        add("attachment (\\S+) of result (\\S+) is not served: (.*)", "结果 $2 的附件 $1 不予提供：$3");
        add("version (\\d+) of result (\\S+) already records its signature", "结果 $2 第 $1 版已记录签字");
        add("a correction of the result records the next one", "结果更正后可记录下一版的签字");
        add("problem (\\d+) of result (\\S+) already has rectification (\\S+)", "结果 $2 的问题 $1 已有整改 $3");
        add("change it with a new version", "请以新版本修改");
        add("rectification (\\S+) was confirmed by a re-check and is closed", "整改 $1 已经复查确认并关闭");
        add("a look-back \\(回头看\\) that finds the problem again reopens it", "回头看再次发现该问题时重新打开");
        add("rectification (\\S+) is closed", "整改 $1 已关闭");
        add("a later visit is a look-back \\(LOOK_BACK 回头看\\)", "之后的检查为回头看（LOOK_BACK）");
        add("case number (\\S+) is already decision (\\S+) of result (\\S+)", "案号 $1 已是结果 $3 的处罚决定 $2");
        add("no penalty decision (\\S+) on result (\\S+)", "结果 $2 上没有处罚决定 $1");
        add("no rectification (\\S+) on result (\\S+)", "结果 $2 上没有整改 $1");
        add("check (\\S+) cannot show that (\\S+) missed a violation", "检查 $1 不能证明 $2 漏查违法问题");
        add("judgement (\\S+) already concerns these two checks", "认定 $1 已涉及这两次检查");
        add("a judgement already concerns these two checks", "已有认定涉及这两次检查");
        add("retracting a judgement needs a reason", "撤销认定须说明理由");
        add("judgement (\\S+) is already retracted", "认定 $1 已撤销");
        add("no check (\\S+) \\(a result of a voided draw does not count\\)", "检查 $1 不存在（已作废抽取的结果不计）");
        add("no such check", "检查不存在");
        // reports and the calendar
        add("period must lie from 2000 to 2100", "period 须在 2000 至 2100 年之间");
        add("the month must be 01 to 12", "月份须为 01 至 12");
        add("table chooses the table of a csv download", "table 用于选择 csv 下载的表");
        add("xlsx holds every table as a sheet", "xlsx 中每张表为一个工作表");
        add("this report has no chart", "此报表没有图表");
        add("for svg, table names the chart: one of (.*)", "svg 格式须以 table 指定图表，可选：$1");
        add("table must be one of (.*)", "table 必须是以下之一：$1");
        add("month must be between 2000-01 and 2100-12", "month 必须介于 2000-01 与 2100-12 之间");
        add("month must look like 2026-05, got '(.*)'", "month 须形如 2026-05，收到“$1”");
        add("year must be from 2000 to 2100, got '(.*)'", "year 须在 2000 至 2100 之间，收到“$1”");
        add("an administrator loads the State Council's holiday notice for (\\d+) at PUT (\\S+)", "由管理员通过 PUT $2 载入国务院 $1 年节假日安排通知");
        add("the notice is for (\\d+), not (\\d+)", "该通知适用于 $1 年，而非 $2 年");
        // the transparency log and its witnesses
        add("seq (\\d+) is not a record of the tree of size (\\d+)", "序号 $1 不是规模为 $2 的树中的记录");
        add("from (\\d+) is larger than the tree of size (\\d+)", "from $1 大于树的规模 $2");
        add("the log's tree has (\\d+) records, not (\\d+)", "日志树有 $1 条记录，而非 $2 条");
        add("the checkpoint is of another log: (.*)", "该检查点属于另一个日志：$1");
        add("this log's tree of size (\\d+) does not have that root", "本日志规模为 $1 的树的根哈希与之不符");
        add("the tree of size (\\d+) is not consistent with the checkpoint of size (\\d+) that (\\S+) cosigned",
                "规模为 $1 的树与 $3 联署的规模为 $2 的检查点不一致");
        add("the body is the cosigned checkpoint note", "请求体须为已联署的检查点说明（note）");
        add("no such problem type", "没有这种问题类型");
        add("no such resource", "资源不存在");
        add("demo tokens are minted only for requests from this machine \\(loopback\\)", "演示令牌只为来自本机（回环地址）的请求签发");
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
