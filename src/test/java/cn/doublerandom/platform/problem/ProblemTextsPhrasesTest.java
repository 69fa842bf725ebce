package cn.doublerandom.platform.problem;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each English phrase has one Chinese translation: a second entry for the same pattern would never be used. */
class ProblemTextsPhrasesTest {

    @Test
    void noPhraseIsListedTwice() {
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<String> patterns = ProblemTexts.phrasePatterns();
        StringBuilder twice = new StringBuilder();
        for (int i = 0; i < patterns.size(); i++) {
            Integer first = seen.putIfAbsent(patterns.get(i), i);
            if (first != null) {
                twice.append("\n  ").append(patterns.get(i)).append(" (entries ").append(first).append(" and ").append(i).append(')');
            }
        }
        assertEquals("", twice.toString(), "phrases listed twice, the later never used:");
    }

    @Test
    void theUndirectedDrawPhrasesHaveOneWording() {
        assertEquals("130123 的 大气环境科 已完成 2026Q4 的不定向抽取",
                ProblemTexts.chinese("130123 already drew 2026Q4 for 大气环境科"));
        assertEquals("130123 2026Q4 的不定向抽取 D000000007（大气环境科） 已准备而未执行：请先执行或作废；"
                        + "下一次不定向抽取的检查对象库和定额取决于该抽取的选取结果",
                ProblemTexts.chinese("the undirected draw D000000007 of division 大气环境科 of 130123 for 2026Q4 is prepared and not"
                        + " executed: execute or void it first; the next undirected draw's pool and quotas depend on its selection"));
        assertEquals("130123 2026Q4 的定向抽取 D000000008 已准备而未执行：请先执行或作废",
                ProblemTexts.chinese("the directed draw D000000008 of 130123 for 2026Q4 is prepared and not executed: execute or void it first"));
    }
}
