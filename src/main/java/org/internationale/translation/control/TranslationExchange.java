package org.internationale.translation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.internationale.api.control.XmlCharacters;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.text.control.PoReader;
import org.internationale.text.control.PoWriter;
import org.internationale.text.control.SegmentStore;
import org.internationale.text.entity.PoCatalog;
import org.internationale.text.entity.PoEntry;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.Translation;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Translation files for working offline in Poedit, Weblate, Pontoon or the translate-toolkit: gettext PO and XLIFF
 * 2.0, both carrying each segment's stable id, the source revision translated, the translation revision the file
 * holds and its state, so that an import can tell a fresh edit from a stale copy.
 *
 * <p>In PO: {@code msgctxt} is the id, {@code msgid} the current source, and extracted comments
 * ({@code #. source-revision: 5}, {@code #. translation-revision: 3}, {@code #. state: outdated}) the rest; an
 * outdated translation is {@code fuzzy} with the source it was made from as previous msgid ({@code #| msgid}), as
 * gettext's {@code msgmerge --previous} marks it. In XLIFF: one {@code <unit>} per id, the same facts as
 * {@code <note category>} (the source an outdated translation was made from as {@code translated-source}), and the
 * segment state ({@code initial} for missing and outdated, {@code translated}, {@code final}). Both files carry
 * everything an import needs to give back exactly what was exported: an untouched file changes nothing, and an
 * outdated entry stays outdated until the translator confirms it (in PO by clearing {@code fuzzy}, in XLIFF by a
 * state other than {@code initial}).
 */
@ApplicationScoped
public class TranslationExchange {

    public static final String XLIFF = "urn:oasis:names:tc:xliff:document:2.0";

    @Inject
    SegmentStore segments;

    @Inject
    TranslationProgress progress;

    /** One segment's state for a file. */
    record Line(Segment segment, Translation translation, String state) {

        String key() {
            return segment.key().value();
        }

        Optional<Translation> present() {
            return Optional.ofNullable(translation).filter(t -> !t.revisions().isEmpty());
        }
    }

    private List<Line> lines(LanguageTag language) {
        return lines(language, progress.workingSet(language));
    }

    private List<Line> lines(LanguageTag language, List<Segment> all) {
        Map<Long, Map<LanguageTag, Translation>> translations = segments.translations(all, List.of(language));
        List<Line> lines = new ArrayList<>();
        for (Segment segment : all) {
            Translation translation = translations.getOrDefault(segment.id(), Map.of()).get(language);
            lines.add(new Line(segment, translation, TranslationProgress.state(segment, translation)));
        }
        return lines;
    }

    /** Every text a translator of {@code language} works on, translated or not: the file to translate offline. */
    @Transactional
    public String po(LanguageTag language, LanguageTag source) {
        return po(language, source, lines(language));
    }

    /**
     * Only the texts that have a translation in {@code language}: the file to read, as an archive holds it. A site
     * of many texts translated into few languages would otherwise repeat every untranslated text in every file.
     */
    @Transactional
    public String translatedPo(LanguageTag language, LanguageTag source) {
        return po(language, source, lines(language, progress.translatedSet(language)).stream()
                .filter(line -> line.present().isPresent()).toList());
    }

    private static String po(LanguageTag language, LanguageTag source, List<Line> lines) {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("Project-Id-Version", "internationale");
        header.put("Language", language.value());
        header.put("MIME-Version", "1.0");
        header.put("Content-Type", "text/plain; charset=UTF-8");
        header.put("Content-Transfer-Encoding", "8bit");
        header.put("X-Source-Language", source.value());
        List<PoEntry> entries = new ArrayList<>();
        for (Line line : lines) {
            List<String> comments = new ArrayList<>();
            Set<String> flags = new LinkedHashSet<>();
            comments.add("#. source-revision: " + line.segment().latest().number());
            String text = "";
            PoEntry.Previous previous = null;
            Optional<Translation> present = line.present();
            if (present.isPresent()) {
                var latest = present.get().latest();
                text = latest.text();
                comments.add("#. translation-revision: " + latest.number());
                if (line.state().equals("outdated")) {
                    flags.add("fuzzy");
                    previous = line.segment().revision(latest.basedOnRevision())
                            .map(old -> new PoEntry.Previous(null, old.text(), null)).orElse(null);
                }
            }
            comments.add("#. state: " + line.state());
            entries.add(new PoEntry(line.key(), line.segment().latest().text(), null, List.of(text), flags, comments, previous, 0));
        }
        return PoWriter.write(new PoCatalog(header, entries));
    }

    @Transactional
    public String xliff(LanguageTag language, LanguageTag source) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.setDefaultNamespace(XLIFF);
            xml.writeStartElement(XLIFF, "xliff");
            xml.writeDefaultNamespace(XLIFF);
            xml.writeAttribute("version", "2.0");
            xml.writeAttribute("srcLang", source.value());
            xml.writeAttribute("trgLang", language.value());
            xml.writeStartElement(XLIFF, "file");
            xml.writeAttribute("id", "internationale");
            for (Line line : lines(language)) {
                Optional<Translation> present = line.present();
                xml.writeStartElement(XLIFF, "unit");
                xml.writeAttribute("id", line.key());
                xml.writeStartElement(XLIFF, "notes");
                note(xml, "source-revision", Integer.toString(line.segment().latest().number()));
                if (present.isPresent()) {
                    note(xml, "translation-revision", Integer.toString(present.get().latest().number()));
                    if (line.state().equals("outdated")) {
                        line.segment().revision(present.get().latest().basedOnRevision())
                                .ifPresent(old -> note(xml, "translated-source", old.text()));
                    }
                }
                note(xml, "state", line.state());
                xml.writeEndElement();
                xml.writeStartElement(XLIFF, "segment");
                xml.writeAttribute("state", switch (line.state()) {
                    case "approved" -> "final";
                    case "draft", "submitted" -> "translated";
                    default -> "initial";
                });
                xml.writeStartElement(XLIFF, "source");
                text(xml, line.segment().latest().text());
                xml.writeEndElement();
                if (present.isPresent()) {
                    xml.writeStartElement(XLIFF, "target");
                    text(xml, present.get().latest().text());
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XLIFF to memory cannot fail", e);
        }
        return out.toString();
    }

    /** Stored texts may hold characters XML cannot carry (stored before input refused them): they become U+FFFD. */
    private static void text(XMLStreamWriter xml, String text) throws XMLStreamException {
        xml.writeCharacters(XmlCharacters.replaceForbidden(text));
    }

    private static void note(XMLStreamWriter xml, String category, String text) {
        try {
            xml.writeStartElement(XLIFF, "note");
            xml.writeAttribute("category", category);
            text(xml, text);
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The media types of the two exchange formats, for downloads and uploads alike. */
    public static final String PO_TYPE = "text/x-gettext-translation";
    public static final String XLIFF_TYPE = "application/xliff+xml";

    /**
     * A PO or XLIFF 2.0 file, told apart by its content: XLIFF is XML, anything else is read as PO.
     *
     * @throws IllegalArgumentException when the file cannot be read, saying where
     */
    public static PoCatalog read(String text) {
        return text.stripLeading().startsWith("<") ? readXliff(text) : PoReader.read(text);
    }

    /**
     * Reads an XLIFF 2.0 file into the same entries a PO file gives, so one import serves both. DTDs and external
     * entities are refused: the file comes from outside.
     *
     * @throws IllegalArgumentException when it is not XLIFF 2.0 or not well-formed
     */
    public static PoCatalog readXliff(String text) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Map<String, String> header = new LinkedHashMap<>();
        List<PoEntry> entries = new ArrayList<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new StringReader(text));
            String unit = null;
            String source = null;
            String target = null;
            String segmentState = null;
            String translatedSource = null;
            List<String> comments = new ArrayList<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (!XLIFF.equals(xml.getNamespaceURI())) {
                        continue;
                    }
                    switch (name) {
                        case "xliff" -> {
                            if (!"2.0".equals(xml.getAttributeValue(null, "version"))) {
                                throw new IllegalArgumentException("only XLIFF version 2.0 is read");
                            }
                            String trgLang = xml.getAttributeValue(null, "trgLang");
                            if (trgLang != null) {
                                header.put("Language", trgLang);
                            }
                        }
                        case "unit" -> {
                            unit = xml.getAttributeValue(null, "id");
                            source = null;
                            target = null;
                            segmentState = null;
                            translatedSource = null;
                            comments = new ArrayList<>();
                        }
                        case "note" -> {
                            String category = xml.getAttributeValue(null, "category");
                            String value = xml.getElementText();
                            if ("translated-source".equals(category)) {
                                translatedSource = value;
                            } else if (category != null) {
                                comments.add("#. " + category + ": " + value.strip());
                            }
                        }
                        case "segment" -> segmentState = xml.getAttributeValue(null, "state");
                        case "source" -> source = xml.getElementText();
                        case "target" -> target = xml.getElementText();
                        default -> {
                            // other XLIFF elements carry nothing we store
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "unit".equals(xml.getLocalName()) && unit != null) {
                    boolean fuzzy = "initial".equals(segmentState) && target != null;
                    entries.add(new PoEntry(unit, source == null ? "" : source, null, List.of(target == null ? "" : target),
                            fuzzy ? Set.of("fuzzy") : Set.of(), comments,
                            fuzzy && translatedSource != null ? new PoEntry.Previous(null, translatedSource, null) : null,
                            xml.getLocation().getLineNumber()));
                    unit = null;
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
        return new PoCatalog(header, entries);
    }
}
