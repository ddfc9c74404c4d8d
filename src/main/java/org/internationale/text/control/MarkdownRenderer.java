package org.internationale.text.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentNodeRendererContext;
import org.commonmark.renderer.text.TextContentRenderer;
import org.commonmark.renderer.text.TextContentWriter;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Markdown to HTML with CommonMark and its tables, autolink and heading-anchor extensions. Raw HTML in the text is
 * escaped, never passed through; link and image targets with unsafe schemes ({@code javascript:}, {@code data:}…)
 * are neutralised by CommonMark's URL sanitiser; links that leave the site get {@code rel="nofollow noopener"}.
 * Translations come from volunteers and files, so every text is treated as untrusted.
 */
@ApplicationScoped
public class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create(),
            HeadingAnchorExtension.create());
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = safeHtml().attributeProviderFactory(context -> new ExternalLinks()).build();

    /** For right-to-left texts: the same HTML, each embedded left-to-right run isolated in {@code <bdi>}. */
    private final HtmlRenderer rightToLeftRenderer = safeHtml().attributeProviderFactory(context -> new ExternalLinks())
            .nodeRendererFactory(LeftToRightIsolates.Renderer::new).build();

    /** For mail: the same HTML, styled inline, because mail clients drop style sheets. */
    private final HtmlRenderer mailRenderer = safeHtml().attributeProviderFactory(context -> new InlineMailStyles()).build();

    /** Every HTML rendering escapes raw HTML and lets only web and mail addresses through. */
    private static HtmlRenderer.Builder safeHtml() {
        return HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true).urlSanitizer(new WebAndMailOnly());
    }

    /** For mail's plain-text alternative: links keep their address, lists their markers. */
    private final TextContentRenderer textRenderer = TextContentRenderer.builder()
            .extensions(EXTENSIONS)
            .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS)
            .build();

    /** What a reader sees of a text, without its markup: for search snippets and type-ahead, feed summaries. */
    private final TextContentRenderer visibleRenderer = TextContentRenderer.builder()
            .extensions(EXTENSIONS)
            .lineBreakRendering(LineBreakRendering.COMPACT)
            .nodeRendererFactory(VisibleText::new)
            .build();

    public String html(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    /**
     * @param direction the text's direction ({@code rtl} or {@code ltr}): a right-to-left text gets its Latin names,
     *                  addresses and numbers isolated ({@link LeftToRightIsolates})
     */
    public String html(String markdown, String direction) {
        if (!"rtl".equals(direction)) {
            return html(markdown);
        }
        Node document = parser.parse(markdown);
        LeftToRightIsolates.apply(document);
        return rightToLeftRenderer.render(document);
    }

    public String mailHtml(String markdown) {
        return mailRenderer.render(parser.parse(markdown));
    }

    public String plainText(String markdown) {
        return textRenderer.render(parser.parse(markdown));
    }

    /**
     * The words a reader sees on the page, one block a line: emphasis, escapes, link targets, list markers and quote
     * marks gone, link text and image descriptions kept. Search indexes this, so that its snippets show readers text,
     * not markup, and the highlighter's offsets point into exactly what is shown.
     */
    public String visibleText(String markdown) {
        return visibleRenderer.render(parser.parse(markdown)).strip();
    }

    /**
     * Overrides CommonMark's plain-text rendering where it adds characters the page does not show: the address after a
     * link's text, quotes around links and code, list markers, the guillemets around a quote.
     */
    static final class VisibleText implements NodeRenderer {

        private final TextContentNodeRendererContext context;

        VisibleText(TextContentNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Link.class, Image.class, Code.class, BulletList.class, OrderedList.class, ListItem.class, BlockQuote.class);
        }

        @Override
        public void render(Node node) {
            TextContentWriter writer = context.getWriter();
            if (node instanceof Code code) {
                writer.write(code.getLiteral());
                return;
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            if (node instanceof ListItem || node instanceof BulletList || node instanceof OrderedList || node instanceof BlockQuote) {
                writer.block();
            }
        }
    }

    /**
     * Targets may be web addresses, mail addresses or relative; any other scheme ({@code javascript:}, {@code data:},
     * {@code vbscript:}, {@code file:}…) becomes an empty target. Stricter than CommonMark's default, which lets
     * {@code data:} through.
     */
    static final class WebAndMailOnly implements org.commonmark.renderer.html.UrlSanitizer {

        private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

        @Override
        public String sanitizeLinkUrl(String url) {
            String compact = url.replaceAll("[\\s\\p{Cntrl}]", "");
            java.util.regex.Matcher scheme = SCHEME.matcher(compact);
            if (!scheme.find()) {
                return url;
            }
            String name = scheme.group().toLowerCase(Locale.ROOT);
            return name.equals("http:") || name.equals("https:") || name.equals("mailto:") ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            String target = sanitizeLinkUrl(url);
            return target.toLowerCase(Locale.ROOT).startsWith("mailto:") ? "" : target;
        }
    }

    /**
     * Inline styles per element for mail. Logical properties ({@code padding-inline-start}) are not understood by
     * every mail client, so the block direction is left to the {@code dir} of the enclosing element instead.
     */
    static final class InlineMailStyles implements AttributeProvider {
        private static final Map<String, String> STYLES = Map.ofEntries(
                Map.entry("p", "margin:0 0 1em 0;line-height:1.5"),
                Map.entry("h1", "font-size:1.6em;margin:0.6em 0 0.4em 0;line-height:1.25"),
                Map.entry("h2", "font-size:1.35em;margin:0.8em 0 0.4em 0;line-height:1.25"),
                Map.entry("h3", "font-size:1.15em;margin:0.8em 0 0.4em 0"),
                Map.entry("a", "color:#b3001b;text-decoration:underline"),
                Map.entry("blockquote", "margin:0 0 1em 0;padding:0 1em;border-left:4px solid #cccccc;border-right:4px solid #cccccc;color:#444444"),
                Map.entry("ul", "margin:0 0 1em 0;padding:0 1.5em"),
                Map.entry("ol", "margin:0 0 1em 0;padding:0 1.5em"),
                Map.entry("li", "margin:0 0 0.3em 0"),
                Map.entry("table", "border-collapse:collapse;margin:0 0 1em 0"),
                Map.entry("th", "border:1px solid #999999;padding:4px 8px"),
                Map.entry("td", "border:1px solid #999999;padding:4px 8px"),
                Map.entry("code", "font-family:monospace"),
                Map.entry("img", "max-width:100%;height:auto"));

        @Override
        public void setAttributes(org.commonmark.node.Node node, String tagName, Map<String, String> attributes) {
            String style = STYLES.get(tagName);
            if (style != null) {
                attributes.put("style", style);
            }
            if (node instanceof Link) {
                attributes.remove("rel");
            }
        }
    }

    /** External links (absolute http/https, or protocol-relative) are marked so that they pass no rank and no window. */
    static final class ExternalLinks implements AttributeProvider {
        @Override
        public void setAttributes(org.commonmark.node.Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Link) {
                String href = attributes.getOrDefault("href", "").toLowerCase(Locale.ROOT);
                if (href.startsWith("http://") || href.startsWith("https://") || href.startsWith("//")) {
                    attributes.put("rel", "nofollow noopener");
                } else {
                    // the URL sanitiser marks every link nofollow; our own pages should be followed
                    attributes.remove("rel");
                }
            }
            if (node instanceof Image) {
                attributes.put("loading", "lazy");
            }
        }
    }
}
