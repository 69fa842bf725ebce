package cn.doublerandom.platform.problem;

/** The stable problem types of the service; {@code type} is {@code /problems/<slug>}. */
public enum ProblemType {
    VALIDATION_FAILED(400, "validation-failed", "The request is not valid"),
    MALFORMED_REQUEST(400, "malformed-request", "The request body cannot be read"),
    INVALID_USCC(422, "invalid-uscc", "The unified social credit code is not valid"),
    UNKNOWN_REGION(422, "unknown-region", "The region code is not known to the service"),
    IMPORT_REJECTED(422, "import-rejected", "The file was rejected; nothing was imported"),
    UNREADABLE_FILE(415, "unreadable-file", "The file is not a readable .xlsx or .csv table"),
    NO_POLICY(422, "no-policy", "No quota policy covers this quarter"),
    INVALID_ITEMS(422, "invalid-items", "The items cannot be drawn by this authority"),
    EMPTY_POOL(422, "empty-pool", "No eligible target matches the draw; nothing was prepared"),
    DRAW_FAILED(422, "draw-failed", "The draw could not staff every target; nothing was selected"),
    INVALID_SEED(400, "invalid-seed", "The seed is not valid"),
    SEED_REUSED(409, "seed-reused", "This seed was already used for another draw"),
    DRAW_CONFLICT(409, "draw-conflict", "The draw conflicts with another draw of this authority and quarter"),
    CALENDAR_YEAR_MISSING(422, "calendar-year-missing", "The working-day calendar does not hold that year"),
    DRAW_NOT_EXECUTED(409, "draw-not-executed", "Results are recorded only for an executed, non-voided draw"),
    TARGET_NOT_SELECTED(422, "target-not-selected", "The enterprise was not selected by that draw"),
    RESULT_EXISTS(409, "result-exists", "This target already has a result; correct it instead"),
    RESULT_CONFLICT(409, "result-conflict", "The result's publication state does not allow this"),
    JUDGEMENT_INVALID(422, "judgement-invalid", "The later check does not show that the earlier one missed a violation"),
    JUDGEMENT_EXISTS(409, "judgement-exists", "This judgement was already recorded or retracted"),
    CHECKPOINT_INCONSISTENT(409, "checkpoint-inconsistent",
            "The checkpoint is not this log's tree, or not consistent with one the witness cosigned before"),
    UNAUTHENTICATED(401, "unauthenticated", "A valid bearer token is required"),
    FORBIDDEN(403, "forbidden", "Your role or region does not allow this"),
    NOT_FOUND(404, "not-found", "No such resource"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "This Idempotency-Key was already used for a different request"),
    CONFLICT(409, "conflict", "The request conflicts with the current state"),
    VERSION_MISMATCH(412, "version-mismatch", "The record changed since you read it"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests from your address; retry later"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    ATTACHMENT_CORRUPTED(500, "attachment-corrupted", "The stored attachment does not match its recorded SHA-256; it is not served"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "The service cannot reach its database; try again shortly"),
    INTERNAL_ERROR(500, "internal-error", "An unexpected error occurred");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return "/problems/" + slug;
    }

    public String title() {
        return title;
    }
}
