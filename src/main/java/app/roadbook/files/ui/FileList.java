package app.roadbook.files.ui;

import app.roadbook.files.FileLibrary;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;

/**
 * A short list of files (a show's files): each links to its page and has a download button. Lines wrap on a phone.
 */
public class FileList extends Div {

    public FileList(FileLibrary library, List<FileLibrary.FileLine> lines, String empty) {
        addClassName("file-list");
        if (lines.isEmpty()) {
            Span none = new Span(empty);
            none.addClassName("empty-state");
            add(none);
            return;
        }
        for (FileLibrary.FileLine line : lines) {
            RouterLink name = new RouterLink(
                    line.name(),
                    FileView.class,
                    new RouteParameters("fileId", line.id().toString()));
            name.addClassName("file-name");
            Span facts = new Span(line.about() + " · " + line.typeAndSize() + " · " + visibilityWords(line));
            facts.addClassName("file-facts");
            Anchor download = new Anchor(FileTransfers.download(() -> library.download(line.id(), null)), "Download");
            download.getElement().setAttribute("download", true);
            download.getElement().setAttribute("aria-label", "Download " + line.name());
            download.getElement().setAttribute("title", "Download");
            Div row = new Div(name, download, facts);
            row.addClassName("file-line");
            row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0 .5rem");
            row.getStyle().set("align-items", "baseline").set("padding", ".25rem 0");
            facts.getStyle().set("flex-basis", "100%").set("color", "var(--lumo-secondary-text-color)");
            facts.getStyle().set("font-size", "var(--lumo-font-size-s)");
            add(row);
        }
    }

    static String visibilityWords(FileLibrary.FileLine line) {
        return line.visibility() == app.roadbook.files.FileVisibility.promoter_team
                ? "shared with the promoter team"
                : "members only";
    }
}
