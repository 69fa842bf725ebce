package cn.doublerandom.authority;

import java.time.Instant;

/**
 * An authority as served: {@code recorded} is false (and {@code version} 0) while the region has no
 * recorded version and the name is the default one the service derives from the region's names.
 */
public record AuthorityView(String regionCode, String regionName, String name, String address, String contact,
                            int version, boolean recorded, Instant updatedAt, String updatedBy) {
}
