package cn.doublerandom.authority;

/** An authority's record as a bureau sends it: unchecked. {@code changeReason} is required. */
public record AuthorityInput(String name, String address, String contact, String changeReason) {
}
