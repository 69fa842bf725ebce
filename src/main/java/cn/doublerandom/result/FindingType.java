package cn.doublerandom.result;

/**
 * The problem types of the Hengshui "全企体检" inspection ledger (seed 004, 问题类型). Its list names
 * 无证排污 twice (6 and 15); it is one type here.
 */
public enum FindingType {
    PERFORMANCE_GRADING("不符合绩效分级指标要求"),
    ULTRA_LOW_EMISSION("未达到超低排放要求"),
    EXCEEDING_STANDARDS("超标排放"),
    ACCEPTANCE_QUALITY("自主验收方面标准质量不到位"),
    ACCEPTANCE_INCOMPLETE("自主验收内容不完整、验收监测报告缺项等"),
    NO_PERMIT("无证排污"),
    FACILITY_NOT_RUNNING("污染防治设施不正常运行"),
    FACILITY_MISSING("污染防治设施缺失"),
    EXCEEDING_TOTAL("超总量排放"),
    DUST_CONTROL("物料扬尘管控不到位"),
    MONITORING_DATA_FALSIFIED("自动监控设施数据造假"),
    ONLINE_MONITOR_MISSING("重点排污单位未按要求安装在线设备"),
    ONLINE_MONITOR_NOT_RUNNING("在线设备不正常运行"),
    HEAVY_POLLUTION_RESPONSE("涉气企业重污染天气应急减排措施落实不到位"),
    NOT_PER_PERMIT("不按证排污"),
    BUILT_BEFORE_APPROVAL("未批先建"),
    OPERATED_BEFORE_ACCEPTANCE("未验先投"),
    NO_PROCEDURES("无环保手续"),
    NOT_AS_APPROVED("批建不符"),
    DIESEL_AND_MACHINERY("重型柴油车及非道路移动机械排放管控不到位"),
    SCATTERED_POLLUTING("“散乱污”企业"),
    VOC_SINGLE_TREATMENT("VOCs治理设施为单一式"),
    VOC_STORAGE("VOCs物料存储不到位"),
    VOC_TRANSFER("VOCs物料转移和输送管理不到位"),
    VOC_FUGITIVE("VOCs无组织排放管理不到位"),
    OTHER("其他");

    private final String label;

    FindingType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
