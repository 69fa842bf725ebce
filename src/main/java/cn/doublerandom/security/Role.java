package cn.doublerandom.security;

/**
 * Roles carried in the token's {@code groups} claim. Each token carries one role and one region.
 * <ul>
 *   <li>{@code operator}: a bureau's staff; registries, draws and results of its own region only.</li>
 *   <li>{@code city}: a city bureau; reads its counties, writes only its own city-level data.</li>
 *   <li>{@code auditor}: reads draws, ledger and audit of a region subtree (or all); replays, verifies, voids.</li>
 *   <li>{@code admin}: policies, calendars and item lists of its region subtree.</li>
 * </ul>
 */
public final class Role {
    public static final String OPERATOR = "operator";
    public static final String CITY = "city";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    private Role() {
    }
}
