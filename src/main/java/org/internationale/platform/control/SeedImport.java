package org.internationale.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.platform.entity.SectionSource;
import org.internationale.system.control.SeedFiles;
import org.internationale.text.control.PoReader;
import org.internationale.translation.control.TranslationImport;
import org.internationale.translation.entity.ImportOutcome;
import org.internationale.translation.entity.ImportReport;

import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Imports the seed at every start, after the schema is migrated: {@code content/platform/*.md}, then
 * {@code translations/<lang>/platform.po}. Readiness ({@code /health/ready}) waits for it.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class SeedImport {

    private static final Logger LOG = Logger.getLogger(SeedImport.class.getName());

    @Inject
    PlatformImport platform;

    @Inject
    TranslationImport translations;

    private volatile boolean completed;

    @PostConstruct
    void importSeed() {
        ClassLoader loader = getClass().getClassLoader();
        List<SectionSource> sections = PlatformContent.parse(SeedFiles.read(loader, "content/platform", ".md"));
        PlatformImport.Report report = platform.importSections(sections);
        LOG.info(() -> "Platform seed: " + report);
        for (Map.Entry<String, String> file : SeedFiles.read(loader, "translations", "platform.po").entrySet()) {
            importTranslations(file.getKey(), file.getValue());
        }
        completed = true;
    }

    private void importTranslations(String path, String text) {
        LanguageTag language = LanguageTag.of(path.substring(0, path.indexOf('/')));
        ImportReport report = translations.apply(language, PoReader.read(text), PlatformImport.SEED_AUTHOR,
                "Imported from translations/" + path);
        LOG.info(() -> "Translation seed " + report.summary());
        report.outcomes().stream()
                .filter(o -> o.result() == ImportOutcome.Result.CONFLICT || o.result() == ImportOutcome.Result.REJECTED)
                .forEach(o -> LOG.warning(() -> "translations/" + path + ": " + o.id() + " " + o.result().label() + ": " + o.detail()));
    }

    public boolean completed() {
        return completed;
    }
}
