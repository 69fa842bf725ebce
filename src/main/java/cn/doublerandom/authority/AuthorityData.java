package cn.doublerandom.authority;

/**
 * An enforcement authority (检查机关) as it stands: the bureau that inspects in a region, by its
 * official name (e.g. 石家庄市生态环境局正定县分局), address and contact.
 */
public record AuthorityData(String regionCode, String name, String address, String contact) {
}
