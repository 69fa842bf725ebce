package cn.doublerandom.authority;

import java.time.Instant;

/** One recorded version of an authority, never changed once written. */
public record AuthorityVersion(int version, String name, String address, String contact, String changeReason,
                               Instant recordedAt, String recordedBy) {
}
