package cn.doublerandom.authority;

import cn.doublerandom.platform.database.Constraints;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The insert-only authority entity: a second writer of the same version is recognised as the loser of a
 * race (the service turns it into 412), and the row first written stays. Region 130826 is this test's alone.
 */
@QuarkusTest
class AuthorityRecordTest {

    @Test
    void aSecondAppendOfTheSameVersionIsAUniqueViolationAndTheFirstStays() {
        String region = "130826";
        AuthorityVersion first = new AuthorityVersion(1, "承德市生态环境局丰宁满族自治县分局", null, null, "首次登记",
                Instant.parse("2026-01-05T02:00:00Z"), "test:first");
        QuarkusTransaction.requiringNew().run(() -> AuthorityRecord.append(region, first));

        AuthorityVersion rival = new AuthorityVersion(1, "丰宁县环保局旧称", null, null, "并发写入", Instant.parse("2026-01-05T02:00:01Z"),
                "test:rival");
        PersistenceException e = assertThrows(PersistenceException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> AuthorityRecord.append(region, rival)));
        assertTrue(Constraints.isUniqueViolation(e), e.toString());

        AuthorityVersion stored = QuarkusTransaction.requiringNew().call(() -> AuthorityRecord.latest(region)).orElseThrow();
        assertEquals("承德市生态环境局丰宁满族自治县分局", stored.name());
        assertEquals("test:first", stored.recordedBy());
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> AuthorityRecord.versions(region)).size());
    }
}
