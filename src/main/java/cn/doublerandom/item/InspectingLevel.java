package cn.doublerandom.item;

import cn.doublerandom.region.RegionLevel;
import cn.doublerandom.registry.Labelled;

/** 检查主体: which level of bureau may draw an item. A county may not draw a 市级以上 item. */
public enum InspectingLevel implements Labelled {
    COUNTY_AND_ABOVE("县级以上生态环境部门"),
    CITY_AND_ABOVE("市级以上生态环境部门"),
    PROVINCE_AND_CITY("省、市级生态环境部门"),
    PROVINCE("省级生态环境部门");

    private final String label;

    InspectingLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean allows(RegionLevel authority) {
        return switch (this) {
            case COUNTY_AND_ABOVE -> true;
            case CITY_AND_ABOVE, PROVINCE_AND_CITY -> authority != RegionLevel.COUNTY;
            case PROVINCE -> authority == RegionLevel.PROVINCE;
        };
    }
}
