package cn.doublerandom.registry.tabular;

/** What a {@link Table} was read from. */
public enum SourceFormat {
    /** Office Open XML workbook (first visible sheet). */
    XLSX,
    /** CSV in UTF-8, with or without BOM (also pure ASCII). */
    CSV_UTF8,
    /** CSV that is not valid UTF-8 but valid GB18030 (superset of GBK / GB2312), as Excel on Chinese Windows writes. */
    CSV_GBK,
    /** CSV / tab-separated "Unicode text" in UTF-16 with a byte order mark (Excel "Unicode text" export). */
    CSV_UTF16
}
