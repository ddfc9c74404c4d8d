package org.internationale.text.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML with CommonMark. Raw HTML in the text is escaped, never passed through, and URLs with
 * unsafe schemes ({@code javascript:}) are neutralised: translations come from volunteers and files.
 */
@ApplicationScoped
public class MarkdownRenderer {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public String html(String markdown) {
        return renderer.render(parser.parse(markdown));
    }
}
