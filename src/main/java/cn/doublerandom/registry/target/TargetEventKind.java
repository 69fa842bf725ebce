package cn.doublerandom.registry.target;

import cn.doublerandom.registry.Labelled;

/** Dated events that put a target in the special class. */
public enum TargetEventKind implements Labelled {
    /** 行政处罚 */
    PENALTY("行政处罚"),
    /** 群众举报查实 */
    VERIFIED_COMPLAINT("群众举报查实"),
    /** 挂牌督办, by the ministry or the province, with start and end */
    SUPERVISED_LISTING("挂牌督办");

    private final String label;

    TargetEventKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
