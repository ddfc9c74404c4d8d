package org.internationale.publishing.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.internationale.api.control.ClientErrors;
import org.internationale.api.control.XmlCharacters;
import org.internationale.locale.control.LanguageNegotiator;
import org.internationale.locale.control.LanguageRegistry;
import org.internationale.locale.entity.Language;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.locale.entity.Negotiated;
import org.internationale.publishing.control.DocumentReader;
import org.internationale.publishing.entity.DocumentType;
import org.internationale.publishing.entity.DocumentView;
import org.internationale.site.boundary.HtmlResponses;
import org.internationale.site.control.EntityTags;
import org.internationale.site.control.PageCache;
import org.internationale.site.control.UiStrings;
import org.internationale.site.entity.RenderedPage;
import org.internationale.system.control.PublicAddress;
import org.internationale.text.control.MarkdownRenderer;
import org.internationale.text.control.TextExcerpt;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Atom 1.0 feeds per language and type: {@code /feeds/{lang}/updates.atom}, {@code statements.atom},
 * {@code pages.atom}. The feed and each entry carry {@code xml:lang} of the language they are in (an entry not yet
 * translated is in its source language, and says so), with alternate links to the feeds of the other languages.
 */
@WebServlet("/feeds/*")
public class AtomFeeds extends HttpServlet {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Pattern PATH = Pattern.compile("/([^/]{1,64})/(updates|statements|pages)\\.atom");
    private static final Map<String, DocumentType> TYPES = Map.of("updates", DocumentType.UPDATE,
            "statements", DocumentType.STATEMENT, "pages", DocumentType.PAGE);
    private static final Map<String, String> TITLES = Map.of("updates", "nav.updates", "statements", "nav.statements", "pages", "site.name");
    static final int ENTRIES = 30;
    private static final int SUMMARY_LENGTH = 280;

    @Inject
    DocumentReader reader;

    @Inject
    LanguageNegotiator negotiator;

    @Inject
    LanguageRegistry languages;

    @Inject
    UiStrings ui;

    @Inject
    MarkdownRenderer markdown;

    @Inject
    PublicAddress publicAddress;

    @Inject
    PageCache cache;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.matches()) {
            response.sendError(404);
            return;
        }
        Negotiated negotiated;
        try {
            negotiated = negotiator.negotiate(path.group(1), null);
        } catch (IllegalArgumentException e) {
            ClientErrors.send(response, 400, e.getMessage());
            return;
        }
        String kind = path.group(2);
        // a feed changes when a document is published or withdrawn: kept as rendered like the reader's pages
        String address = request.getRequestURI();
        Optional<RenderedPage> kept = cache.get(address);
        if (kept.isEmpty()) {
            long generation = cache.generation();
            List<DocumentView> items = reader.latest(TYPES.get(kind), negotiated, ENTRIES);
            String xml;
            try {
                xml = feed(negotiated.tag(), kind, publicAddress.origin(request), items);
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
            byte[] body = xml.getBytes(StandardCharsets.UTF_8);
            kept = Optional.of(new RenderedPage(body, EntityTags.of(body), negotiated.tag().value()));
            cache.keep(address, generation, kept.get());
        }
        HtmlResponses.send(request, response, 200, kept.get(), true, "application/atom+xml; charset=UTF-8");
    }

    String feed(LanguageTag language, String kind, String base, List<DocumentView> items) throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(ATOM);
        xml.writeStartElement(ATOM, "feed");
        xml.writeDefaultNamespace(ATOM);
        xml.writeAttribute("xml", javax.xml.XMLConstants.XML_NS_URI, "lang", language.value());
        String self = base + "/feeds/" + language + "/" + kind + ".atom";
        element(xml, "id", self);
        element(xml, "title", ui.text("site.name", language) + " — " + ui.text(TITLES.get(kind), language));
        Instant updated = items.stream().map(DocumentView::publishedAt).filter(java.util.Objects::nonNull).max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        element(xml, "updated", updated.toString());
        xml.writeStartElement(ATOM, "author");
        element(xml, "name", ui.text("site.name", language));
        xml.writeEndElement();
        link(xml, "self", self, "application/atom+xml", null);
        for (Language other : languages.languages()) {
            if (!other.tag().equals(language)) {
                link(xml, "alternate", base + "/feeds/" + other.tag() + "/" + kind + ".atom", "application/atom+xml", other.tag().value());
            }
        }
        for (DocumentView item : items) {
            xml.writeStartElement(ATOM, "entry");
            xml.writeAttribute("xml", javax.xml.XMLConstants.XML_NS_URI, "lang", item.language());
            element(xml, "id", base + "/api/documents/" + item.id());
            element(xml, "title", item.title());
            String when = (item.publishedAt() == null ? Instant.EPOCH : item.publishedAt()).toString();
            element(xml, "published", when);
            element(xml, "updated", when);
            String segment = kind.equals("pages") && item.slug() != null ? "pages/" + item.slug() : kind + "/" + item.id();
            link(xml, "alternate", base + "/" + item.language() + "/" + segment, "text/html", item.language());
            for (String other : item.languages()) {
                if (!other.equals(item.language())) {
                    link(xml, "alternate", base + "/" + other + "/" + segment, "text/html", other);
                }
            }
            String summary = summary(item);
            if (!summary.isBlank()) {
                element(xml, "summary", summary);
            }
            if (item.html() != null) {
                xml.writeStartElement(ATOM, "content");
                xml.writeAttribute("type", "html");
                text(xml, item.html());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out.toString();
    }

    /**
     * An entry's summary is plain text (Atom's default type): the editor's summary, or where there is none the opening
     * words a reader sees of the body, never its Markdown.
     */
    private String summary(DocumentView item) {
        if (item.summary() != null && !item.summary().isBlank()) {
            return item.summary();
        }
        return item.body() == null ? "" : TextExcerpt.of(markdown.visibleText(item.body()), item.language(), SUMMARY_LENGTH);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(ATOM, name);
        text(xml, text);
        xml.writeEndElement();
    }

    /** Stored texts may hold characters XML cannot carry (stored before input refused them): they become U+FFFD. */
    private static void text(XMLStreamWriter xml, String text) throws XMLStreamException {
        xml.writeCharacters(XmlCharacters.replaceForbidden(text));
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type, String hreflang) throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
        if (hreflang != null) {
            xml.writeAttribute("hreflang", hreflang);
        }
    }
}
