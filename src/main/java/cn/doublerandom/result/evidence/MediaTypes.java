package cn.doublerandom.result.evidence;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The types an attachment may have, each with the bytes its content must start with. The declared
 * type alone is not trusted: an HTML page declared as a photo would be served back to a bureau's
 * browser, so the content must be what it says.
 */
enum MediaTypes {
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

    private final String type;
    private final byte[] magic;

    MediaTypes(String type, byte[] magic) {
        this.type = type;
        this.magic = magic;
    }

    String type() {
        return type;
    }

    static List<String> names() {
        return Arrays.stream(values()).map(MediaTypes::type).toList();
    }

    /** The type of a Content-Type header (parameters and case ignored), or null when it is not one of these. */
    static MediaTypes of(String contentType) {
        if (contentType == null) {
            return null;
        }
        String bare = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.type.equals(bare)).findFirst().orElse(null);
    }

    boolean matches(byte[] content) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
