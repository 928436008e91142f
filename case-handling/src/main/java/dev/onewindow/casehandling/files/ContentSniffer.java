package dev.onewindow.casehandling.files;

import java.util.Arrays;

/**
 * Checks that an upload really is what its declared content type says, from its first bytes, so a script renamed
 * to {@code .pdf} is refused. OFD (the national fixed-layout format, GB/T 33190) is a ZIP container.
 */
final class ContentSniffer {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private ContentSniffer() {
    }

    static boolean matches(String contentType, byte[] content) {
        return switch (contentType) {
            case "application/pdf" -> startsWith(content, PDF);
            case "image/jpeg" -> startsWith(content, JPEG);
            case "image/png" -> startsWith(content, PNG);
            case "application/ofd" -> startsWith(content, ZIP);
            default -> false;
        };
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
