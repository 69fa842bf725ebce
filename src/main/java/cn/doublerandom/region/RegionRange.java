package cn.doublerandom.region;

/**
 * The codes of a region subtree as a half-open range {@code [from, to)} of 6-digit codes, from the
 * subtree's prefix ({@link RegionDirectory#subtreePrefix}): "1301" gives ["1301", "1302"). A range,
 * unlike {@code LIKE '1301%'}, is served by a btree index whatever the database's collation, so a
 * county's query reads its county and not the whole province.
 */
public record RegionRange(String from, String to) {

    public static RegionRange ofPrefix(String prefix) {
        if (prefix.isEmpty()) {
            return new RegionRange("", "\uffff");
        }
        char last = prefix.charAt(prefix.length() - 1);
        return new RegionRange(prefix, prefix.substring(0, prefix.length() - 1) + (char) (last + 1));
    }
}
