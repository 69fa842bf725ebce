package cn.doublerandom.report.scoring;

import java.util.List;

/** A block of the assessment (日常执法监管, 违法问题查处, 规范执法行为): its score is the sum of its indicators' points. */
public record Category(String key, String name, List<Indicator> indicators) {

    public Category {
        indicators = indicators == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(indicators));
    }
}
