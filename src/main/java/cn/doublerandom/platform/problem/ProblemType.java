package cn.doublerandom.platform.problem;

/**
 * The stable problem types of the service. A problem's {@code type} is an absolute URI, the configured
 * {@code doublerandom.problem.base-uri} followed by the slug, and the service serves a page there that
 * explains the type ({@link ProblemPages}): clients switch on it, people follow it.
 */
public enum ProblemType {
    VALIDATION_FAILED(400, "validation-failed", "请求参数不符合要求", "The request is not valid",
            "A field or parameter is missing, has the wrong format or is out of range. errors lists each field with its value and what it must be; fix those and send the request again."),
    MALFORMED_REQUEST(400, "malformed-request", "请求体无法读取", "The request body cannot be read",
            "The body is not exactly one JSON value of the expected shape (it is cut off, has content after the value, or is not JSON at all). Send one well-formed JSON document."),
    INVALID_USCC(422, "invalid-uscc", "统一社会信用代码无效", "The unified social credit code is not valid",
            "The unified social credit code (统一社会信用代码, GB 32100-2015) is not 18 characters of 0-9A-HJ-NPQRTUWXY, or its check character is wrong; the detail names the expected one. A real code that fails only the check is accepted with usccOverrideReason."),
    UNKNOWN_REGION(422, "unknown-region", "行政区划代码不存在", "The region code is not known to the service",
            "The region code is not a 6-digit code of the service's region directory (GB/T 2260 and development zones). GET /api/v1/regions lists the known codes."),
    IMPORT_REJECTED(422, "import-rejected", "文件被拒绝，未导入任何数据", "The file was rejected; nothing was imported",
            "An imported file had at least one bad row, so nothing was written (all or nothing). errors lists every problem with the row as Excel numbers it, the column, the value and the message."),
    UNREADABLE_FILE(415, "unreadable-file", "文件不是可读取的 .xlsx 或 .csv 表格", "The file is not a readable .xlsx or .csv table",
            "The uploaded body is neither a readable .xlsx workbook nor a .csv table in UTF-8 or GBK."),
    NO_POLICY(422, "no-policy", "本季度没有适用的抽查比例", "No quota policy covers this quarter",
            "No quota policy (抽查比例) covers the authority's region and the draw's quarter. An admin sets one with PUT /api/v1/policies/{region}/{year}."),
    INVALID_ITEMS(422, "invalid-items", "该机关不能抽取这些抽查事项", "The items cannot be drawn by this authority",
            "An item named in the draw is not on the authority's random-inspection item list (随机抽查事项清单) for that quarter, or cannot be drawn by this authority."),
    EMPTY_POOL(422, "empty-pool", "没有符合条件的检查对象，未准备抽取", "No eligible target matches the draw; nothing was prepared",
            "No eligible enterprise matches the draw's plan and filters, so there is nothing to draw and nothing was prepared. Widen the filter or check the registry."),
    QUOTA_MET(422, "quota-met", "本季度定额已完成，未准备抽取", "This quarter's quotas are already met; nothing was prepared",
            "The authority's earlier undirected draws of the quarter (its divisions' and its joint inspections) already selected every class's quarterly requirement (重点、特殊、一般), so an undirected draw would select nobody; nothing was prepared. The plan (GET /api/v1/plans/{authority}/{quarter}) shows what each draw did. To inspect more this quarter, draw a directed (定向) draw, which counts toward no quota."),
    DRAW_FAILED(422, "draw-failed", "无法为每个检查对象配齐检查人员，未抽取任何对象", "The draw could not staff every target; nothing was selected",
            "The draw could not staff every selected enterprise with enough eligible inspectors (certified, available, free of conflicts of interest). The attempt is on the ledger and nothing was selected; errors lists the targets; fix the inspector registry and prepare again."),
    INVALID_SEED(400, "invalid-seed", "随机种子无效", "The seed is not valid",
            "The caller's part of the seed breaks DRAW-1's seed rules (its length or characters); the detail says which."),
    SEED_REUSED(409, "seed-reused", "该随机种子已用于另一次抽取", "This seed was already used for another draw",
            "This seed was already used for another draw of the service; every draw takes a seed of its own, so that no one can replay a known outcome."),
    DRAW_CONFLICT(409, "draw-conflict", "与本机关本季度的另一次抽取冲突", "The draw conflicts with another draw of this authority and quarter",
            "The draw's state does not allow the request: a prepared draw of that kind is still open for the authority and quarter, the quarter was already drawn (a new undirected draw must replace a voided one), or the draw was already executed, voided or replaced."),
    CALENDAR_YEAR_MISSING(422, "calendar-year-missing", "工作日历缺少该年份", "The working-day calendar does not hold that year",
            "The working-day calendar (法定节假日与调休) has no entry for the year a deadline falls in, so the 20-working-day publication deadline cannot be computed. An admin uploads the year with PUT /api/v1/calendar/{year}."),
    DRAW_NOT_EXECUTED(409, "draw-not-executed", "只能为已执行且未作废的抽取录入结果", "Results are recorded only for an executed, non-voided draw",
            "Results are recorded only against a draw that has been executed and is not voided."),
    TARGET_NOT_SELECTED(422, "target-not-selected", "该企业未被该次抽取选中", "The enterprise was not selected by that draw",
            "The enterprise was not among the targets selected by that draw, so no result of that draw can be recorded for it."),
    RESULT_EXISTS(409, "result-exists", "该检查对象已有结果，请改为更正", "This target already has a result; correct it instead",
            "The target already has a result for that draw; record a correction (POST /api/v1/results/{id}/corrections) instead. The problem's resultId names it."),
    RESULT_CONFLICT(409, "result-conflict", "结果的公示状态不允许此操作", "The result's publication state does not allow this",
            "The result's publication state does not allow the request, e.g. holding a result that is already published or releasing one that is not held."),
    JUDGEMENT_INVALID(422, "judgement-invalid", "后一次检查不能证明前一次检查漏查了违法行为", "The later check does not show that the earlier one missed a violation",
            "The later check does not show that the earlier one missed a violation: the enterprise, the order of the dates, the one-year window or the later finding does not fit."),
    JUDGEMENT_EXISTS(409, "judgement-exists", "该认定已记录或已撤回", "This judgement was already recorded or retracted",
            "This accountability judgement was already recorded, or retracted; each pair of checks is judged once."),
    CHECKPOINT_INCONSISTENT(409, "checkpoint-inconsistent",
            "检查点不属于本日志，或与见证方此前签署的检查点不一致", "The checkpoint is not this log's tree, or not consistent with one the witness cosigned before",
            "A witness's cosignature is kept only for a checkpoint of this log that extends, consistently, the last one the witness cosigned; this one does not, so nothing was stored."),
    UNAUTHENTICATED(401, "unauthenticated", "需要有效的持有者令牌", "A valid bearer token is required",
            "The bureau API needs a valid bearer token (JWT) from the configured identity provider; the token is missing, expired or not signed by a trusted issuer."),
    FORBIDDEN(403, "forbidden", "您的角色或地区无权执行此操作", "Your role or region does not allow this",
            "The token's role or region does not allow this: an operator acts in its own region, a city reads its counties, an auditor reads its subtree, an admin keeps the item lists. Outside its scope a caller gets this problem, never an empty list."),
    NOT_FOUND(404, "not-found", "资源不存在", "No such resource",
            "No resource has that id or code, or none did as at the date asked for."),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "不支持该请求方法", "Method not allowed",
            "The path exists but does not accept that HTTP method; the contract (/q/openapi) lists the methods."),
    NOT_ACCEPTABLE(406, "not-acceptable", "无法以可接受的媒体类型应答", "Not acceptable",
            "The service cannot answer in any media type the Accept header allows."),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "该 Idempotency-Key 已用于另一个请求", "This Idempotency-Key was already used for a different request",
            "The Idempotency-Key was first sent with another request (another method, path, query or body), so this one is neither replayed nor done. Use a new key for a new request."),
    CONFLICT(409, "conflict", "请求与当前状态冲突", "The request conflicts with the current state",
            "The request conflicts with the current state, e.g. a request with the same Idempotency-Key is still running, or a unique value is already taken."),
    VERSION_MISMATCH(412, "version-mismatch", "记录在您读取后已被修改", "The record changed since you read it",
            "If-Match named a version that is no longer current: someone changed the record since you read it. Read it again (its ETag is the version), merge, and retry."),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "请求体过大", "The request body is too large",
            "The request body exceeds the service's limit (doublerandom.http.max-body-size); nothing was read or written."),
    URI_TOO_LONG(414, "uri-too-long", "请求地址过长", "The request URI is too long",
            "The path and query together exceed the service's limit (doublerandom.http.max-request-target characters); nothing was read or written. Send long lists in a request body, or fewer values at a time."),
    TOO_MANY_REQUESTS(429, "too-many-requests", "来自您地址的请求过多，请稍后重试", "Too many requests from your address; retry later",
            "The public API limits how fast one client address may ask. Wait the seconds the Retry-After header gives, then retry; a portal or mirror should cache answers (they carry ETag and Cache-Control)."),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "不支持的媒体类型", "Unsupported media type",
            "The body's Content-Type is not one this operation reads: application/json for records, the file itself (application/octet-stream, .xlsx or .csv) for imports."),
    ATTACHMENT_CORRUPTED(500, "attachment-corrupted", "存储的附件与记录的 SHA-256 不符，不予提供", "The stored attachment does not match its recorded SHA-256; it is not served",
            "The attachment's stored bytes no longer hash to the SHA-256 recorded when it was attached, so the service refuses to serve them as evidence. Tell the bureau's operators; the result and its recorded hash are unchanged."),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "服务暂时无法连接数据库，请稍后重试", "The service cannot reach its database; try again shortly",
            "The service cannot reach its database right now; nothing was written. Retry shortly."),
    INTERNAL_ERROR(500, "internal-error", "发生意外错误", "An unexpected error occurred",
            "An unexpected error occurred and was logged with the request's X-Request-Id; quote it when you report the problem.");

    private final int status;
    private final String slug;
    private final String titleZh;
    private final String title;
    private final String explanation;

    ProblemType(int status, String slug, String titleZh, String title, String explanation) {
        this.status = status;
        this.slug = slug;
        this.titleZh = titleZh;
        this.title = title;
        this.explanation = explanation;
    }

    /**
     * The base of the type URIs ({@code doublerandom.problem.base-uri}), set once at startup by
     * {@link ProblemTypeBase}: problems are built in filters, mappers and services alike, some outside
     * any bean, and the base is fixed for the life of the process. Relative until then.
     */
    private static volatile String base = "/problems/";

    static void useBase(String configured) {
        base = configured.endsWith("/") ? configured : configured + "/";
    }

    /** The type of this slug, if it is one. */
    public static java.util.Optional<ProblemType> ofSlug(String slug) {
        for (ProblemType t : values()) {
            if (t.slug.equals(slug)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }

    public int status() {
        return status;
    }

    /** The absolute URI of the type; it resolves to the page explaining it. */
    public String uri() {
        return base + slug;
    }

    public String slug() {
        return slug;
    }

    /** What the type means and what to do about it: the body of its page. */
    public String explanation() {
        return explanation;
    }

    /** The English title; {@link ProblemTexts} chooses the title a caller reads. */
    public String title() {
        return title;
    }

    /** The Chinese title, the default one. */
    public String titleZh() {
        return titleZh;
    }
}
