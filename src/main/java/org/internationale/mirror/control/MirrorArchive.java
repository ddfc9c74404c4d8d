package org.internationale.mirror.control;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.internationale.system.control.NotClosingStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The mirror folder as one {@code tar.gz}, entries under {@code mirror/} in a stable order, for supporters to unpack on
 * any web host. POSIX long names: pages of long titles in other scripts make paths beyond tar's 100 bytes.
 */
final class MirrorArchive {

    private MirrorArchive() {
    }

    static void write(Path root, OutputStream out) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".mirror-")).sorted().toList();
        }
        try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(new NotClosingStream(out));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path file : files) {
                String name = "mirror/" + root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                TarArchiveEntry entry = new TarArchiveEntry(file, name);
                tar.putArchiveEntry(entry);
                Files.copy(file, tar);
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

}
