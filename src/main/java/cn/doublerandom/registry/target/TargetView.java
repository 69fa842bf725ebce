package cn.doublerandom.registry.target;

import cn.doublerandom.registry.history.Stored;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;

/** A target as the API shows it: its data, whether its USCC passes the check, and its version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetView(@JsonUnwrapped TargetData data, boolean usccCheckPassed, int version, Instant createdAt,
                         Instant updatedAt, String updatedBy) {

    public static TargetView of(Stored<TargetData> t) {
        return new TargetView(t.data(), Uscc.verdict(t.data().uscc()) == Uscc.Verdict.VALID, t.version(), t.createdAt(),
                t.updatedAt(), t.updatedBy());
    }
}
