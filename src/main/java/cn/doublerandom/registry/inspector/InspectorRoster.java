package cn.doublerandom.registry.inspector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The inspector registry as it stood at an instant, for reports of other capabilities: every inspector
 * registered in the regions matching a LIKE pattern, in its last version recorded before the instant.
 */
@ApplicationScoped
public class InspectorRoster {

    /** One inspector as the registry held it; {@code certificateExpiry} may be null. */
    public record Member(String code, String regionCode, String name, InspectorStatus status, boolean certified, boolean auxiliary,
                         LocalDate certificateExpiry) {

        /** Enforcement staff (执法人员): not an auxiliary expert, and not gone (离职). */
        public boolean staff() {
            return !auxiliary && status != InspectorStatus.LEFT;
        }

        /** Holds an enforcement certificate (执法证) valid on {@code day}. */
        public boolean certificateValidOn(LocalDate day) {
            return certified && certificateExpiry != null && !certificateExpiry.isBefore(day);
        }
    }

    @Inject
    InspectorStore store;

    public List<Member> asOf(String regionLike, Instant instant) {
        return store.roster(regionLike, instant);
    }
}
