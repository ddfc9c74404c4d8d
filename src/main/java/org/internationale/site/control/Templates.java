package org.internationale.site.control;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Renders the jte templates that each feature keeps beside its boundary ({@code <feature>/boundary/*.jte}), compiled
 * to classes at build time (package {@code gg.jte.generated.internationale}, outside ours); every expression is HTML-escaped unless a template says {@code $unsafe}
 * (only for HTML our own code made safe: Markdown from {@code MarkdownRenderer}, search snippets, word diffs).
 */
@ApplicationScoped
public class Templates {

    static final String PACKAGE = "gg.jte.generated.internationale";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);

    /** @param name a template's path below {@code org/internationale}, e.g. {@code home/boundary/home.jte} */
    public String render(String name, Map<String, Object> parameters) {
        StringOutput output = new StringOutput(16 * 1024);
        engine.render(name, parameters, output);
        return output.toString();
    }
}
