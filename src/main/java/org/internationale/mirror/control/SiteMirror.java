package org.internationale.mirror.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.Language;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.mirror.entity.MirrorBusyException;
import org.internationale.mirror.entity.MirrorState;
import org.internationale.mirror.entity.MirrorWording;
import org.internationale.platform.control.EditionArchive;
import org.internationale.platform.entity.Edition;
import org.internationale.site.control.UiStrings;
import org.internationale.system.control.DatabaseSettings;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the static mirror of the public site to {@code DATA_DIR/mirror/}, one export at a time, in the background.
 * Each instance has its own folder: the export reads the site from the instance it runs on.
 */
@ApplicationScoped
public class SiteMirror {

    private static final Logger LOG = Logger.getLogger(SiteMirror.class.getName());
    /** More addresses than a site of many years in many languages has: a link loop must not fill the disk. */
    static final int MOST_ADDRESSES = 200_000;
    /** The mirror's own scripts, shipped beside the site's assets. */
    private static final List<String> OWN_ASSETS = List.of("mirror-search.js", "mirror-language.js");

    @Inject
    LanguageRegistry languages;

    @Inject
    UiStrings strings;

    @Inject
    EditionArchive editions;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = DatabaseSettings.DATA_DIR)
    String dataDir;

    @Resource
    ManagedExecutorService executor;

    private final AtomicReference<MirrorState> state = new AtomicReference<>();

    public Path folder() {
        return Path.of(dataDir, "mirror").toAbsolutePath().normalize();
    }

    public MirrorState state() {
        MirrorState current = state.get();
        return current == null ? MirrorState.never(folder().toString()) : current;
    }

    /**
     * Starts an export in the background.
     *
     * @param origin      this instance as the export reads it (loopback and the port the request came in on)
     * @param canonical   the site's public address, which the copy links to for what it cannot hold
     * @param sitemapBase where the copy will be served, for {@code sitemap.xml}; without one it lists the site's own
     *                    addresses
     * @throws MirrorBusyException while an export runs
     */
    public MirrorState start(URI origin, URI canonical, Optional<URI> sitemapBase) {
        MirrorState before = state();
        if (before.isRunning()) {
            throw new MirrorBusyException("An export of the mirror is running since " + before.startedAt() + "; ask again when it is done.");
        }
        MirrorState running = before.running(clock.instant());
        if (!state.compareAndSet(state.get(), running)) {
            throw new MirrorBusyException("An export of the mirror has just started; ask again when it is done.");
        }
        try {
            executor.submit(() -> export(origin, canonical, sitemapBase, running.startedAt()));
        } catch (RuntimeException e) {
            state.set(running.failed(clock.instant(), "the export could not start: " + e.getMessage()));
            throw e;
        }
        return running;
    }

    /** Streams the mirror as a {@code tar.gz}; refused while an export runs, so that no half-written site goes out. */
    public void archive(OutputStream out) throws IOException {
        if (state().isRunning()) {
            throw new MirrorBusyException("The mirror is being written; download it when the export is done.");
        }
        MirrorArchive.write(folder(), out);
    }

    public boolean exists() {
        return Files.isRegularFile(folder().resolve("index.html"));
    }

    private void export(URI origin, URI canonical, Optional<URI> sitemapBase, Instant started) {
        try {
            state.set(write(origin, canonical, sitemapBase, started));
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "The mirror export failed", e);
            state.set(state().failed(clock.instant(), e.getMessage() == null ? e.getClass().getName() : e.getMessage()));
        }
    }

    MirrorState write(URI origin, URI canonical, Optional<URI> sitemapBase, Instant started) {
        Path root = folder();
        List<Language> offered = languages.languages();
        Set<String> tags = new LinkedHashSet<>();
        offered.forEach(language -> tags.add(language.tag().value()));
        MirrorAddresses addresses = new MirrorAddresses(origin, canonical, tags);
        List<String> starts = new ArrayList<>();
        for (String tag : tags) {
            starts.add("/" + tag + "/");
            starts.add("/" + tag + "/search");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        Map<String, MirrorWalk.Fetched> found = MirrorWalk.walk(addresses, starts, address -> fetch(http, origin, address), MOST_ADDRESSES);

        Map<String, String> files = new LinkedHashMap<>();
        found.forEach((address, fetched) -> files.put(address, MirrorAddresses.file(address, fetched.html())));
        Integer edition = editions.all().stream().map(Edition::number).max(Integer::compare).orElse(null);
        MirrorManifest previous = MirrorManifest.read(root);
        MirrorManifest manifest = new MirrorManifest();
        MirrorFolder folder = new MirrorFolder(root);
        Instant now = clock.instant();
        Map<String, MirrorSearchIndex> indexes = new TreeMap<>();
        Map<String, List<MirrorPages.Listed>> listed = new TreeMap<>();
        Map<String, Document> searchPages = new LinkedHashMap<>();
        int pages = 0;
        for (Map.Entry<String, MirrorWalk.Fetched> entry : found.entrySet()) {
            String address = entry.getKey();
            String file = files.get(address);
            if (!entry.getValue().html()) {
                folder.write(file, entry.getValue().body());
                continue;
            }
            pages++;
            String language = address.split("/")[1];
            Document page = MirrorPages.rewrite(address, file, entry.getValue().body(), files, addresses, wording(language, now, edition));
            if (address.equals("/" + language + "/search")) {
                searchPages.put(address, page);
                continue;
            }
            if (!address.equals("/" + language + "/subscribe")) {
                String title = MirrorPages.title(page);
                indexes.computeIfAbsent(language, MirrorSearchIndex::new).add(title, file, MirrorPages.text(page));
                listed.computeIfAbsent(language, l -> new ArrayList<>()).add(new MirrorPages.Listed(title, file));
            }
            finish(page, file, MirrorPages.onSite(addresses, address), language, edition, previous, manifest, folder, now);
        }
        for (Map.Entry<String, Document> search : searchPages.entrySet()) {
            String language = search.getKey().split("/")[1];
            String file = files.get(search.getKey());
            MirrorPages.makeSearchPage(search.getValue(), file, language, listed.getOrDefault(language, List.of()), wording(language, now, edition));
            finish(search.getValue(), file, MirrorPages.onSite(addresses, search.getKey()), language, edition, previous, manifest, folder, now);
        }
        for (String language : tags) {
            folder.write("search/" + language + ".js", indexes.computeIfAbsent(language, MirrorSearchIndex::new).script());
        }
        for (String asset : OWN_ASSETS) {
            folder.write("assets/" + asset, ownAsset(asset));
        }
        String source = languages.source().value();
        finish(languageChoice(offered, canonical), "index.html", canonical.toString(), source, edition, previous, manifest, folder, now);
        folder.write("sitemap.xml", sitemap(found, files, canonical, sitemapBase));
        folder.write(MirrorManifest.FILE, manifest.json(canonical.toString(), edition));
        int removed = folder.removeTheRest();
        LOG.info(() -> "The mirror holds " + folder.files() + " files; " + folder.written() + " written, " + folder.unchanged()
                + " unchanged, " + removed + " removed");
        return new MirrorState("done", root.toString(), started, clock.instant(), pages, folder.files(), folder.written(), folder.unchanged(),
                removed, folder.bytes(), edition, canonical.toString(), null);
    }

    private void finish(Document page, String file, String onSite, String language, Integer edition, MirrorManifest previous,
                        MirrorManifest manifest, MirrorFolder folder, Instant now) {
        Instant since = manifest.seen(previous, file, sha256(MirrorPages.bytes(page)), now);
        MirrorPages.addNotice(page, onSite, wording(language, since, edition));
        folder.write(file, MirrorPages.bytes(page));
    }

    private MirrorWording wording(String language, Instant since, Integer edition) {
        LanguageTag tag = LanguageTag.of(language);
        return new MirrorWording(language, strings.text("mirror.notice", tag, "date", Date.from(since)),
                edition == null ? "" : strings.text("mirror.edition", tag, "edition", edition),
                strings.text("mirror.form", tag), strings.text("mirror.search.offline", tag), strings.text("mirror.search.none", tag, "query", "{query}"),
                strings.text("mirror.search.all", tag));
    }

    /** {@code index.html} at the mirror's root: every language, and a script that opens the reader's own. */
    private Document languageChoice(List<Language> offered, URI canonical) {
        LanguageTag source = languages.source();
        Document page = MirrorPages.parse("<!DOCTYPE html><html><head></head><body></body></html>".getBytes(StandardCharsets.UTF_8));
        page.selectFirst("html").attr("lang", source.value()).attr("dir", languages.direction(source));
        Element head = page.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(strings.text("site.name", source));
        head.appendElement("link").attr("rel", "stylesheet").attr("href", "assets/site.css");
        head.appendElement("link").attr("rel", "canonical").attr("href", canonical.toString());
        Element body = page.body();
        body.appendElement("a").addClass("skip").attr("href", "#main").text(strings.text("nav.skip-to-content", source));
        Element main = body.appendElement("main").attr("id", "main");
        main.appendElement("h1").text(strings.text("site.name", source));
        main.appendElement("p").text(strings.text("mirror.choose", source));
        Element list = main.appendElement("ul").addClass("mirror-languages");
        for (Language language : offered) {
            String tag = language.tag().value();
            list.appendElement("li").appendElement("a").attr("href", MirrorAddresses.encode(tag) + "/index.html").attr("hreflang", tag)
                    .attr("lang", tag).attr("dir", language.direction().attribute()).text(language.nativeName());
        }
        body.appendElement("script").attr("src", "assets/mirror-language.js");
        return page;
    }

    /**
     * {@code sitemap.xml}: every page, with its versions in the other languages as hreflang alternates. Addresses are
     * where the copy will be served when that is known, else the site's own.
     */
    static byte[] sitemap(Map<String, MirrorWalk.Fetched> found, Map<String, String> files, URI canonical, Optional<URI> base) {
        Map<String, Map<String, String>> versions = new TreeMap<>();
        found.forEach((address, fetched) -> {
            if (fetched.html()) {
                String[] parts = address.split("/", 3);
                String rest = parts.length > 2 ? parts[2] : "";
                String location = base.map(b -> b.resolve(encodedPath(files.get(address))).toString())
                        .orElseGet(() -> canonical.resolve(address.substring(1)).toString());
                versions.computeIfAbsent(rest, r -> new TreeMap<>()).put(parts[1], location);
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
            xml.writeNamespace("xhtml", "http://www.w3.org/1999/xhtml");
            for (Map<String, String> byLanguage : versions.values()) {
                for (String location : byLanguage.values()) {
                    xml.writeCharacters("\n");
                    xml.writeStartElement("url");
                    xml.writeStartElement("loc");
                    xml.writeCharacters(location);
                    xml.writeEndElement();
                    if (byLanguage.size() > 1) {
                        for (Map.Entry<String, String> alternate : byLanguage.entrySet()) {
                            xml.writeEmptyElement("xhtml", "link", "http://www.w3.org/1999/xhtml");
                            xml.writeAttribute("rel", "alternate");
                            xml.writeAttribute("hreflang", alternate.getKey());
                            xml.writeAttribute("href", alternate.getValue());
                        }
                    }
                    xml.writeEndElement();
                }
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the sitemap could not be written: " + e.getMessage(), e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static String encodedPath(String file) {
        StringBuilder path = new StringBuilder();
        for (String segment : file.split("/")) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(MirrorAddresses.encode(segment));
        }
        return path.toString();
    }

    private static Optional<MirrorWalk.Fetched> fetch(HttpClient http, URI origin, String address) {
        HttpRequest request = HttpRequest.newBuilder(origin.resolve(address)).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html, */*;q=0.5").header("User-Agent", "Internationale-mirror").GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(new MirrorWalk.Fetched(response.headers().firstValue("Content-Type").orElse("application/octet-stream"),
                    response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException("the site did not answer " + address + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the export was interrupted", e);
        }
    }

    private static byte[] ownAsset(String name) {
        try (InputStream in = SiteMirror.class.getResourceAsStream("/org/internationale/mirror/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the build lost the mirror's " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
