package cn.doublerandom.result;

/**
 * The standard result wording (抽查结果用语) of the plan, verbatim, plus the national portal's
 * 已关闭停业或正在组织清算. The code is stable; the text is what is published.
 */
public enum ResultWording {
    NO_PROBLEM("未发现问题"),
    INFO_NOT_DISCLOSED("未按规定公示信息"),
    INFO_FALSIFIED("公示信息隐瞒真实情况、弄虚作假"),
    UNREACHABLE("通过登记依据（经营场所）无法联系"),
    CORRECTED("发现问题已责令改正"),
    OBSTRUCTED("不配合检查情节严重"),
    NO_ACTIVITY("未发现开展本次抽查涉及的经营活动"),
    PENDING_HANDLING("发现问题待处理"),
    CLOSED("已关闭停业或正在组织清算");

    private final String text;

    ResultWording(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
