package org.internationale.mirror.control;

import org.internationale.mirror.entity.MirrorWording;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a page as the site serves it into its mirrored copy: links to copied addresses become relative paths to their
 * files, links to addresses the mirror does not hold (the API, the workspace, a search with a query) lead to the site
 * itself, and a form that needs the server becomes a link to the same page on the site.
 */
final class MirrorPages {

    /** A page of one language, for the mirror's own search page. */
    record Listed(String title, String file) {
    }

    private MirrorPages() {
    }

    static Document parse(byte[] html) {
        Document page = Jsoup.parse(new String(html, StandardCharsets.UTF_8), "");
        // the copy keeps the server's markup as it was written: no re-indenting, which would change every file
        page.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
        return page;
    }

    static Document rewrite(String address, String file, byte[] html, Map<String, String> files, MirrorAddresses addresses,
                            MirrorWording wording) {
        Document page = parse(html);
        for (Element element : page.select("[href], [src], form[action]")) {
            if (element.tagName().equals("link") && !MirrorWalk.followed(element)) {
                continue;
            }
            for (String attribute : List.of("href", "src", "action")) {
                if (element.hasAttr(attribute)) {
                    relink(element, attribute, address, file, files, addresses);
                }
            }
        }
        for (Element form : page.select("form")) {
            if (form.attr("method").toLowerCase(Locale.ROOT).equals("post")) {
                String onSite = onSite(addresses, address);
                Element replacement = new Element("p").addClass("mirror-form").appendText(wording.form() + " ");
                replacement.appendElement("a").attr("href", onSite).text(onSite);
                form.replaceWith(replacement);
            }
        }
        return page;
    }

    private static void relink(Element element, String attribute, String address, String file, Map<String, String> files,
                               MirrorAddresses addresses) {
        String value = element.attr(attribute);
        if (value.isBlank() || value.startsWith("#")) {
            return;
        }
        int hash = value.indexOf('#');
        String fragment = hash < 0 ? "" : value.substring(hash);
        Optional<String> target = addresses.sameSite(address, value);
        if (target.isEmpty()) {
            return;
        }
        if (files.containsKey(target.get())) {
            element.attr(attribute, MirrorAddresses.relative(file, files.get(target.get())) + fragment);
        } else {
            // a same-site address the mirror does not hold: the site itself answers it
            element.attr(attribute, onSite(addresses, target.get()) + fragment);
        }
    }

    /** The absolute address on the site itself of a site address. */
    static String onSite(MirrorAddresses addresses, String address) {
        return addresses.canonical().resolve(address.startsWith("/") ? address.substring(1) : address).toString();
    }

    /**
     * The notice that this is a copy, of which date, of which platform edition, and where the site itself is; first in
     * the page after the link that skips to its content.
     */
    static void addNotice(Document page, String onSite, MirrorWording wording) {
        Element notice = new Element("aside").addClass("mirror-notice").attr("role", "note");
        Element text = notice.appendElement("p").appendText(wording.notice() + " ");
        text.appendElement("a").attr("href", onSite).attr("dir", "ltr").text(onSite);
        if (!wording.edition().isEmpty()) {
            text.appendText(" " + wording.edition());
        }
        Element skip = page.body().selectFirst("> a.skip");
        if (skip != null) {
            skip.after(notice);
        } else {
            page.body().prependChild(notice);
        }
    }

    /**
     * The reader site's search page, made to search the copy: the form stays (it reloads this page with {@code ?q=}),
     * the script searches the language's prebuilt index in the browser, and every page of the language is listed for
     * readers without scripts.
     */
    static void makeSearchPage(Document page, String file, String language, List<Listed> pages, MirrorWording wording) {
        String root = MirrorAddresses.relative(file, "index.html").replace("index.html", "");
        Element form = page.selectFirst("form.search");
        if (form == null) {
            return;
        }
        form.attr("action", "index.html").attr("data-mirror-search", language).attr("data-root", root);
        Element after = new Element("div").addClass("mirror-search");
        after.appendElement("p").addClass("mirror-offline").text(wording.searchOffline());
        after.appendElement("p").attr("id", "mirror-status").attr("role", "status").attr("data-none", wording.searchNone());
        after.appendElement("ol").addClass("results").attr("id", "mirror-results");
        Element all = after.appendElement("section").addClass("mirror-all");
        all.appendElement("h2").text(wording.searchAll());
        Element list = all.appendElement("ul");
        for (Listed listed : pages) {
            list.appendElement("li").appendElement("a").attr("href", MirrorAddresses.relative(file, listed.file())).text(listed.title());
        }
        form.after(after);
        page.body().appendElement("script").attr("src", root + "search/" + language + ".js");
        page.body().appendElement("script").attr("src", root + "assets/mirror-search.js");
    }

    static String title(Document page) {
        Element h1 = page.selectFirst("main h1");
        return h1 != null && !h1.text().isBlank() ? h1.text() : page.title();
    }

    static String language(Document page) {
        return page.selectFirst("html") == null ? "" : page.selectFirst("html").attr("lang");
    }

    /** What a reader reads on the page: its main content, as text. */
    static String text(Document page) {
        Element main = page.selectFirst("main");
        return (main == null ? page.body() : main).text();
    }

    static byte[] bytes(Document page) {
        return page.outerHtml().getBytes(StandardCharsets.UTF_8);
    }
}
