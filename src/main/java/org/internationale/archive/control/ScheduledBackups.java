package org.internationale.archive.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.internationale.system.control.DatabaseSettings;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code BACKUP_EVERY} (e.g. {@code 24h}, {@code 30m}, {@code 7d}) writes an archive to {@code DATA_DIR/backups/}
 * that often, encrypted when {@code BACKUP_PASSPHRASE} is set, and keeps the newest {@code BACKUP_KEEP} (7). A backup is
 * written to a temporary file and renamed when whole, so the folder never holds half an archive.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScheduledBackups {

    private static final Logger LOG = Logger.getLogger(ScheduledBackups.class.getName());
    private static final Pattern EVERY = Pattern.compile("(\\d+)\\s*([smhd])");

    @Inject
    @ConfigProperty(name = "BACKUP_EVERY")
    Optional<String> every;

    @Inject
    @ConfigProperty(name = "BACKUP_KEEP", defaultValue = "7")
    int keep;

    @Inject
    @ConfigProperty(name = "BACKUP_PASSPHRASE")
    Optional<String> passphrase;

    @Inject
    @ConfigProperty(name = DatabaseSettings.DATA_DIR)
    String dataDir;

    @Inject
    ArchiveWriter writer;

    @Inject
    Clock clock;

    @Resource
    TimerService timers;

    @PostConstruct
    void schedule() {
        Optional<Duration> interval = every.map(String::strip).filter(s -> !s.isEmpty()).map(ScheduledBackups::interval);
        if (interval.isEmpty()) {
            return;
        }
        if (keep < 1) {
            throw new IllegalStateException("BACKUP_KEEP must be 1 or more, not " + keep);
        }
        passphrase.filter(p -> !p.isEmpty()).ifPresent(ArchiveEncryption::checkPassphrase);
        long millis = interval.get().toMillis();
        timers.createIntervalTimer(millis, millis, new TimerConfig("backup", false));
        LOG.info(() -> "A backup is written every " + interval.get() + " to " + folder() + "; the newest " + keep + " are kept");
    }

    /** {@code 24h}, {@code 30m}, {@code 7d}, {@code 90s}, or ISO-8601 ({@code PT12H}). */
    static Duration interval(String text) {
        Matcher matcher = EVERY.matcher(text.toLowerCase(Locale.ROOT));
        Duration duration;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                duration = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalStateException("BACKUP_EVERY is not a duration such as 24h, 30m or 7d: " + text, e);
            }
        }
        if (duration.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalStateException("BACKUP_EVERY must be a minute or more, not " + text);
        }
        return duration;
    }

    Path folder() {
        return Path.of(dataDir, "backups");
    }

    @Timeout
    void backUp() {
        try {
            Path written = backUpNow();
            LOG.info(() -> "Backup written: " + written);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "The scheduled backup failed; the next one is tried at its time", e);
        }
    }

    /** Writes one backup now and removes the oldest beyond {@code BACKUP_KEEP}; the file written. */
    public Path backUpNow() throws IOException {
        Path folder = folder();
        Files.createDirectories(folder);
        String secret = passphrase.filter(p -> !p.isEmpty()).orElse(null);
        Path target = folder.resolve(ArchiveWriter.fileName(clock.instant(), secret != null));
        Path temporary = Files.createTempFile(folder, ".backup-", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                writer.write(out, secret);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        prune(folder);
        return target;
    }

    private void prune(Path folder) throws IOException {
        List<Path> backups;
        try (Stream<Path> files = Files.list(folder)) {
            // the time stamp in the name sorts them oldest first
            backups = files.filter(p -> p.getFileName().toString().matches("internationale-\\d{8}T\\d{6}Z\\.zip(\\.gpg)?")).sorted().toList();
        }
        for (int i = 0; i < backups.size() - keep; i++) {
            Files.delete(backups.get(i));
        }
    }
}
