package cn.doublerandom.result.evidence;

/** What an attachment is evidence of. */
public enum AttachmentKind {
    /** 现场照片 */
    PHOTO("现场照片"),
    /** 现场检查笔录 as printed on site and signed or sealed by the enterprise */
    SIGNED_RECORD("签字的现场检查笔录"),
    /** 行政处罚决定书 */
    PENALTY_DECISION("行政处罚决定书"),
    /** 其他材料 */
    OTHER("其他材料");

    private final String label;

    AttachmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
