package org.internationale.mirror.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The mirror's folder. A file is written only when its bytes change, through a temporary file moved into place, so
 * a web server serving the folder while an export runs never sends half a page, and syncing the folder elsewhere
 * (rsync, IPFS) moves only what changed. Files no longer on the site are removed at the end.
 */
final class MirrorFolder {

    private final Path root;
    private final Set<String> kept = new HashSet<>();
    private int written;
    private int unchanged;
    private long bytes;

    MirrorFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Writes {@code file} ('/'-separated, relative to the root) unless it holds these bytes already. */
    void write(String file, byte[] content) {
        Path target = root.resolve(file).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("not a file inside the mirror: " + file);
        }
        if (!kept.add(root.relativize(target).toString())) {
            throw new IllegalStateException("two addresses of the site would be the same file: " + file);
        }
        bytes += content.length;
        try {
            if (Files.isRegularFile(target) && Files.size(target) == content.length && Arrays.equals(Files.readAllBytes(target), content)) {
                unchanged++;
                return;
            }
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".mirror-", ".part");
            try {
                Files.write(temporary, content);
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("the mirror could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Removes every file not written or confirmed in this export, and the folders left empty; how many files. */
    int removeTheRest() {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path path : paths) {
                if (path.equals(root)) {
                    continue;
                }
                if (Files.isDirectory(path)) {
                    try (Stream<Path> children = Files.list(path)) {
                        if (children.findAny().isEmpty()) {
                            Files.delete(path);
                        }
                    }
                } else if (!kept.contains(root.relativize(path).toString())) {
                    Files.delete(path);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the mirror could not remove what left the site: " + e.getMessage(), e);
        }
        return removed;
    }

    int files() {
        return kept.size();
    }

    int written() {
        return written;
    }

    int unchanged() {
        return unchanged;
    }

    long bytes() {
        return bytes;
    }
}
