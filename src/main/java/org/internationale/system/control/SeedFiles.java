package org.internationale.system.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the seed ({@code content/} and {@code translations/}, packed into the WAR under {@code seed/}) as text.
 * Works for an expanded WAR (Payara Micro), a packed one and a plain folder (unit tests).
 */
public final class SeedFiles {

    private SeedFiles() {
    }

    /** Files under {@code seed/<folder>} whose names end with {@code suffix}, by path relative to that folder. */
    public static Map<String, String> read(ClassLoader loader, String folder, String suffix) {
        URL url = loader.getResource("seed/" + folder);
        if (url == null) {
            return Map.of();
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                try (FileSystem zip = FileSystems.newFileSystem(url.toURI(), Map.of())) {
                    return read(zip.provider().getPath(url.toURI()), suffix);
                }
            }
            return read(Path.of(url.toURI()), suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> read(Path root, String suffix) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).toList()) {
                files.put(root.relativize(path).toString().replace('\\', '/'), Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
