package app.roadbook.parsing;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * An HTML mail body as plain text a person would recognise: block elements on their own lines, table cells separated
 * by tabs, quoted replies ({@code <blockquote>}) prefixed with {@code "> "} like a plain-text reply, so the extractor
 * treats them as quoted.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "br",
            "tr",
            "li",
            "ul",
            "ol",
            "table",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "hr",
            "pre",
            "section",
            "article",
            "header",
            "footer",
            "address",
            "dd",
            "dt");

    private HtmlText() {}

    static String toText(String html) {
        Element body = Jsoup.parse(html).body();
        StringBuilder out = new StringBuilder();
        body.traverse(new NodeVisitor() {
            int quoteDepth;
            boolean lineStart = true;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String value = text.getWholeText().replaceAll("\\s+", " ");
                    if (lineStart) {
                        value = value.stripLeading();
                    }
                    if (!value.isEmpty()) {
                        if (lineStart) {
                            out.append("> ".repeat(quoteDepth));
                        }
                        out.append(value);
                        lineStart = false;
                    }
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("blockquote")) {
                        newline();
                        quoteDepth++;
                    } else if (tag.equals("td") || tag.equals("th")) {
                        if (!lineStart) {
                            out.append('\t');
                        }
                    } else if (BLOCKS.contains(tag)) {
                        newline();
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("blockquote")) {
                        newline();
                        quoteDepth--;
                    } else if (BLOCKS.contains(tag) && !tag.equals("br")) {
                        newline();
                    }
                }
            }

            private void newline() {
                if (!lineStart) {
                    // Trailing spaces off the line just ended.
                    while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                        out.setLength(out.length() - 1);
                    }
                    out.append('\n');
                    lineStart = true;
                } else if (out.length() > 1 && out.charAt(out.length() - 2) != '\n') {
                    out.append('\n');
                }
            }
        });
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }
}
