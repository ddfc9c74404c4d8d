package org.internationale.archive.control;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import org.internationale.archive.entity.ArchiveManifest;
import org.internationale.archive.entity.ArchiveRefusedException;
import org.internationale.archive.entity.ArchiveTable;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads an archive into a work folder and checks all of it before anything is written to a database: it opens (the
 * passphrase, when encrypted), it is whole (every entry the manifest names, with its SHA-256; the OpenPGP integrity
 * check), and it is a format this build reads.
 */
final class ArchiveReader {

    /** What an archive may hold; any other name is refused, so no entry can be written outside the work folder. */
    private static final Pattern ENTRY = Pattern.compile("(data/[a-z0-9_]+\\.jsonl|sequences\\.json|translations/[A-Za-z0-9-]+\\.po|manifest\\.json)");

    /** A checked archive: its manifest, its entries unpacked in {@code folder}, and the SHA-256 of the archive file. */
    record Verified(ArchiveManifest manifest, Path folder, String sha256) {
        Path entry(String name) {
            return folder.resolve(name);
        }
    }

    private ArchiveReader() {
    }

    static Verified verify(Path archive, String passphrase, Path work) throws IOException {
        MessageDigest whole = ArchiveWriter.sha256();
        Map<String, String> sums = new HashMap<>();
        // the digest below the buffer sees every byte once, however the buffer reads ahead or is reset
        try (InputStream file = new BufferedInputStream(new DigestInputStream(Files.newInputStream(archive), whole))) {
            file.mark(1);
            int first = file.read();
            file.reset();
            if (first < 0) {
                throw new ArchiveRefusedException("The archive " + archive + " is empty.");
            }
            ArchiveEncryption.Decrypted decrypted = ArchiveEncryption.isEncrypted(first) ? ArchiveEncryption.decrypting(file, passphrase) : null;
            InputStream content = decrypted == null ? file : decrypted.content();
            try (ZipInputStream zip = new ZipInputStream(content, StandardCharsets.UTF_8)) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    String name = entry.getName();
                    if (!ENTRY.matcher(name).matches() || sums.containsKey(name)) {
                        throw new ArchiveRefusedException("The archive holds an entry no archive of this application holds: " + name);
                    }
                    Path target = work.resolve(name);
                    Files.createDirectories(target.getParent());
                    MessageDigest digest = ArchiveWriter.sha256();
                    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
                        zip.transferTo(out);
                    }
                    sums.put(name, HexFormat.of().formatHex(digest.digest()));
                }
                if (decrypted != null) {
                    content.transferTo(OutputStream.nullOutputStream());
                    decrypted.verify();
                }
                // the rest of the file (the zip's central directory) counts in the archive's own checksum
                file.transferTo(OutputStream.nullOutputStream());
            } catch (ZipException | EOFException e) {
                throw new ArchiveRefusedException("The archive is damaged or cut short: " + e.getMessage(), e);
            }
        }
        if (!sums.containsKey(ArchiveManifest.ENTRY)) {
            throw new ArchiveRefusedException("The archive has no manifest.json: it is cut short, or not an archive of this application.");
        }
        ArchiveManifest manifest;
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(work.resolve(ArchiveManifest.ENTRY), StandardCharsets.UTF_8)))) {
            manifest = ArchiveManifest.read(reader.readObject());
        } catch (jakarta.json.JsonException e) {
            throw new ArchiveRefusedException("The archive's manifest.json is not JSON: " + e.getMessage(), e);
        }
        if (manifest.format() > ArchiveManifest.FORMAT) {
            throw new ArchiveRefusedException("The archive is of format " + manifest.format() + ", newer than this application reads ("
                    + ArchiveManifest.FORMAT + "): restore it with the version that wrote it (" + manifest.application() + ") or a newer one.");
        }
        for (Map.Entry<String, String> expected : manifest.sha256().entrySet()) {
            String found = sums.get(expected.getKey());
            if (found == null) {
                throw new ArchiveRefusedException("The archive lacks " + expected.getKey() + ", which its manifest lists.");
            }
            if (!found.equals(expected.getValue())) {
                throw new ArchiveRefusedException("The archive's " + expected.getKey() + " does not match its checksum: the archive was changed or damaged.");
            }
        }
        for (String name : sums.keySet()) {
            if (!name.equals(ArchiveManifest.ENTRY) && !manifest.sha256().containsKey(name)) {
                throw new ArchiveRefusedException("The archive holds " + name + ", which its manifest does not list.");
            }
        }
        for (ArchiveTable table : manifest.tables()) {
            if (!manifest.sha256().containsKey(table.entry())) {
                throw new ArchiveRefusedException("The manifest names table " + table.name() + " without its entry's checksum.");
            }
        }
        return new Verified(manifest, work, HexFormat.of().formatHex(whole.digest()));
    }
}
