package org.internationale.text.control;

import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BidiRun;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * In a right-to-left text, each embedded left-to-right run — a Latin name, an address, a number — is put in
 * {@code <bdi>}, so that the browser lays it out on its own and the punctuation around it stays where the writer put
 * it ("قانون Medicare for All Act of 2019 S.1129." would otherwise move its full stop). Which runs are left-to-right
 * is ICU4J's Unicode Bidirectional Algorithm with a right-to-left paragraph level: the even-levelled runs.
 */
final class LeftToRightIsolates {

    /** A run to isolate: rendered as {@code <bdi>} around its text. */
    static final class Isolate extends CustomNode {
    }

    private LeftToRightIsolates() {
    }

    /** Splits every text node of the parsed document around its left-to-right runs. */
    static void apply(Node document) {
        List<Text> texts = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                texts.add(text);
            }
        });
        for (Text text : texts) {
            split(text);
        }
    }

    private static void split(Text text) {
        String literal = text.getLiteral();
        if (literal.isEmpty()) {
            return;
        }
        Bidi bidi = new Bidi(literal, Bidi.RTL);
        if (bidi.getDirection() == Bidi.RTL) {
            return;
        }
        List<Node> pieces = new ArrayList<>();
        for (int at = 0; at < literal.length(); ) {
            BidiRun run = bidi.getLogicalRun(at);
            String part = literal.substring(run.getStart(), run.getLimit());
            if (run.getEmbeddingLevel() % 2 == 0 && !part.isBlank()) {
                Isolate isolate = new Isolate();
                isolate.appendChild(new Text(part));
                pieces.add(isolate);
            } else {
                pieces.add(new Text(part));
            }
            at = run.getLimit();
        }
        if (pieces.size() == 1 && pieces.get(0) instanceof Text) {
            return;
        }
        Node previous = text;
        for (Node piece : pieces) {
            previous.insertAfter(piece);
            previous = piece;
        }
        text.unlink();
    }

    /** Writes an {@link Isolate} as {@code <bdi>…</bdi>}; its text is escaped like any other. */
    static final class Renderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        Renderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Isolate.class);
        }

        @Override
        public void render(Node node) {
            html.tag("bdi", Map.of());
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.tag("/bdi");
        }
    }
}
