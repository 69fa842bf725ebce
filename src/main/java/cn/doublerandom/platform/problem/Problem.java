package cn.doublerandom.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem: what every error of the service answers, as {@code application/problem+json}.
 * {@code type} is stable (clients switch on it); {@code title} is fixed per type, {@code detail}
 * says what happened in this request; {@code errors} lists field or row problems where they apply.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldProblem> errors, @JsonIgnore Map<String, Object> extensions) {

    /** Extension members (RFC 9457 §3.2) stand at the top level of the object. */
    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One bad field, or one bad cell of an imported file (row and column set). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldProblem(String field, Integer row, String column, String value, String message) {
        public static FieldProblem field(String field, String message) {
            return new FieldProblem(field, null, null, null, message);
        }

        public static FieldProblem field(String field, String value, String message) {
            return new FieldProblem(field, null, null, value, message);
        }

        public static FieldProblem cell(int row, String column, String value, String message) {
            return new FieldProblem(null, row, column, value, message);
        }
    }
}
