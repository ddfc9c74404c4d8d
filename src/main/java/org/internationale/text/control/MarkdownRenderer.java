package org.internationale.text.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new WebAndMailOnly())
            .attributeProviderFactory(context -> new ExternalLinks())
            .build();

    public String html(String markdown) {
        return renderer.render(parser.parse(markdown));
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
