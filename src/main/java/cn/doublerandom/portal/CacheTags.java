package cn.doublerandom.portal;

import cn.doublerandom.draw.engine.Sha256;
import jakarta.ws.rs.core.EntityTag;

/** The public side's entity tags: a hash of the body, so that any replica gives the same tag. */
final class CacheTags {

    private CacheTags() {
    }

    static EntityTag of(byte[] body) {
        return new EntityTag(Sha256.hex(Sha256.newDigest().digest(body)).substring(0, 32));
    }

    /** Whether an If-None-Match header names this tag (weak or strong) or is "*". */
    static boolean matches(String ifNoneMatch, EntityTag tag) {
        for (String part : ifNoneMatch.split(",")) {
            String v = part.strip().replace("W/", "");
            if (v.equals("*") || v.equals("\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }
}
