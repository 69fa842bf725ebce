package cn.doublerandom.platform.problem;

import java.util.List;
import java.util.Map;

/** Thrown by services for every expected failure; the one mapper turns it into a problem response. */
public class ProblemException extends RuntimeException {

    /**
     * A problem lists at most this many errors, then says how many there were in {@code errorCount}:
     * an import of a hundred thousand bad ids must not come back as an answer of megabytes.
     */
    public static final int MAX_LISTED_ERRORS = 100;

    private final ProblemType type;
    private final List<Problem.FieldProblem> errors;
    private final Map<String, Object> extensions;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldProblem> errors) {
        this(type, detail, errors, Map.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldProblem> errors,
                            Map<String, Object> extensions) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, message,
                List.of(Problem.FieldProblem.field(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public Problem toProblem(String instance) {
        if (errors.size() <= MAX_LISTED_ERRORS) {
            return new Problem(type.uri(), type.title(), type.status(), getMessage(), instance, errors, extensions);
        }
        Map<String, Object> counted = new java.util.LinkedHashMap<>(extensions);
        counted.put("errorCount", errors.size());
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), instance,
                errors.subList(0, MAX_LISTED_ERRORS), counted);
    }
}
