package dev.onewindow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository explains itself to a newcomer who cloned it: it carries its own design documents, every platform
 * module and this one say how to use them, and no tracked file sends the reader to a path outside the repository or
 * to an issue number instead of saying what it means.
 */
class RepositoryTest {

    private static final Pattern OUTSIDE = Pattern.compile(
            "\\.\\./shared|\\b(DOMAIN|ARCHITECTURE|STYLE)\\.md|[Ii]ssues? #?[0-9]+\\b");

    private final Path repo = LocalStack.repo();

    @Test
    void noTrackedFilePointsOutsideTheRepositoryOrToAnIssue() throws Exception {
        List<String> found = new ArrayList<>();
        for (String file : trackedFiles()) {
            Path path = repo.resolve(file);
            if (!Files.isRegularFile(path) || Files.size(path) > 2_000_000) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(path);
            if (looksBinary(bytes)) {
                continue;
            }
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (OUTSIDE.matcher(lines[i]).find()) {
                    found.add(file + ":" + (i + 1) + ": " + lines[i].strip());
                }
            }
        }
        assertThat(found).as("tracked lines pointing outside the repository or to an issue").isEmpty();
    }

    @Test
    void theDesignDocumentsAndTheModulesReadmesAreThere() {
        for (String document : List.of("README.md", "docs/architecture.md", "docs/domain.md", "docs/api-docs.md",
                "docs/service-contracts.md", "docs/decisions/README.md", "platform/core/README.md",
                "platform/starter/README.md", "platform/test-kit/README.md", "e2e/README.md")) {
            assertThat(repo.resolve(document)).as(document).isRegularFile().isNotEmptyFile();
        }
        try (var records = Files.list(repo.resolve("docs/decisions"))) {
            assertThat(records.filter(p -> p.getFileName().toString().matches("\\d{4}-.+\\.md"))).hasSizeGreaterThan(2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> trackedFiles() throws Exception {
        Process git = new ProcessBuilder("git", "-C", repo.toString(), "ls-files", "-z").redirectErrorStream(true)
                .start();
        byte[] out = git.getInputStream().readAllBytes();
        assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(git.exitValue()).as("git ls-files").isZero();
        List<String> files = new ArrayList<>();
        for (String name : new String(out, StandardCharsets.UTF_8).split("\0")) {
            if (!name.isEmpty()) {
                files.add(name);
            }
        }
        assertThat(files).as("tracked files").isNotEmpty();
        return files;
    }

    private static boolean looksBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
