package cn.doublerandom.region;

/** 省级 province, 市级 prefecture-level city, 县级 county-level unit (counties, districts, zones). */
public enum RegionLevel {
    PROVINCE, CITY, COUNTY
}
