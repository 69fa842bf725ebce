package cn.doublerandom.registry.target;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsccTest {

    @Test
    void publishedCodesPassTheCheck() {
        // codes printed on real business licences
        assertEquals(Uscc.Verdict.VALID, Uscc.verdict("91350100M000100Y43"));
        assertEquals(Uscc.Verdict.VALID, Uscc.verdict("91110000802100433B"));
    }

    @Test
    void aWrongCheckCharacterIsACheckFailureNamingTheExpectedOne() {
        assertEquals(Uscc.Verdict.CHECK_FAILED, Uscc.verdict("91350100M000100Y44"));
        assertEquals('3', Uscc.checkCharacter("91350100M000100Y4"));
        assertTrue(Uscc.explain("91350100M000100Y44").contains("call for '3'"));
    }

    @Test
    void malformedCodesAreNotCheckFailures() {
        for (String bad : new String[]{null, "", "91350100M000100Y4", "91350100M000100Y433", "91350100I000100Y43",
                "91350100O000100Y43", "91350100m000100Y43", "91350100Z000100Y43", "９1350100M000100Y43"}) {
            assertEquals(Uscc.Verdict.MALFORMED, Uscc.verdict(bad), String.valueOf(bad));
        }
    }

    @Test
    void weightsAreThePowersOfThreeModulo31() {
        // Σ of index × weight for "00000000000000001" is the 17th weight: 3^16 mod 31 = 28; check = 31 - 28 = 3
        assertEquals('3', Uscc.checkCharacter("00000000000000001"));
        assertEquals('0', Uscc.checkCharacter("00000000000000000"));
    }
}
