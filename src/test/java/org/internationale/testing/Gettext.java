package org.internationale.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs GNU gettext's own tools on PO text: they, not our reader, are the judge of a valid file.
 * .ci/run installs the {@code gettext} package when it is missing, so a missing tool is a failure here.
 */
public final class Gettext {

    public record Result(boolean ok, String output) {
    }

    private Gettext() {
    }

    public static Result msgfmtCheck(String po) throws IOException, InterruptedException {
        Path file = Files.createTempFile("internationale", ".po");
        try {
            Files.writeString(file, po, StandardCharsets.UTF_8);
            return msgfmtCheck(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public static Result msgfmtCheck(Path file) throws IOException, InterruptedException {
        return run(List.of("msgfmt", "--check", "-o", "/dev/null", file.toString()));
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " is not installed (Debian package gettext): " + e.getMessage(), e);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(false, command + " timed out");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue() == 0, output);
    }
}
