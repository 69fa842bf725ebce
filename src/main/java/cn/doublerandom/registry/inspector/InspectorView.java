package cn.doublerandom.registry.inspector;

import cn.doublerandom.registry.history.Stored;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;

/** An inspector as the bureau API shows it (never on the public side: names are personal data). */
public record InspectorView(@JsonUnwrapped InspectorData data, int version, Instant createdAt, Instant updatedAt,
                            String updatedBy) {

    public static InspectorView of(Stored<InspectorData> s) {
        return new InspectorView(s.data(), s.version(), s.createdAt(), s.updatedAt(), s.updatedBy());
    }
}
