package cn.doublerandom.policy;

import cn.doublerandom.registry.target.MonitoringType;

import java.math.BigDecimal;
import java.util.List;

/** A policy as an administrator sends it; omitted values take the Shijiazhuang plan's defaults. */
public record PolicyInput(BigDecimal countyKeyRate, BigDecimal countySpecialRate, BigDecimal countyGeneralPerInspector,
                          BigDecimal cityKeyRate, BigDecimal citySpecialRate, BigDecimal cityGeneralPerInspector,
                          Integer teamSize, Integer yearlyCap, List<MonitoringType> technologyMonitoring,
                          BigDecimal jointRate, Integer jointYearlyInspections, Integer jointYearlySubjects,
                          String changeReason) {
}
