package app.roadbook.base.ui;

import app.roadbook.base.RowCount;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import java.util.function.LongSupplier;

/**
 * A lazy grid's size and its list's count heading, from a {@link RowCount}: "2,345 shows" with the grid's size set
 * from that count, or "10,000+ shows" with a "Count exactly" action and the grid sized by estimate (it grows as the
 * user scrolls, and learns its end when a page comes back short), so no exact count runs unless asked for.
 */
public final class CountHeading {

    /** The grid's first estimate when there are more than {@link RowCount#CAP} rows. */
    static final int ESTIMATE = RowCount.LIMIT;

    private final Span label;
    private final Button exactly = new Button("Count exactly");
    private final String one;
    private final String many;
    private GridLazyDataView<?> rows;
    private LongSupplier exactCount;
    /** The exact count the grid is sized by, when known. */
    private volatile long total;

    public CountHeading(Span label, String one, String many) {
        this.label = label;
        this.one = one;
        this.many = many;
        exactly.addThemeVariants(ButtonVariant.TERTIARY);
        exactly.setTooltipText("Counting every " + one + " can take a moment in a large organization.");
        exactly.setVisible(false);
        exactly.addClickListener(e -> {
            if (exactCount != null) {
                show(RowCount.exact(exactCount.getAsLong()));
            }
        });
    }

    /** The "Count exactly" button, for the view to place next to the label. */
    public Button exactly() {
        return exactly;
    }

    /** Gives the grid its rows; its size comes from the counts {@link #show shown} here. */
    public <T> void bind(Grid<T> grid, CallbackDataProvider.FetchCallback<T, Void> fetch, LongSupplier exactCount) {
        this.exactCount = exactCount;
        rows = grid.setItems(fetch, q -> (int) Math.min(Integer.MAX_VALUE, total));
    }

    /** Shows a count in the heading and sizes the grid by it (exactly, or by estimate above the cap). */
    public RowCount show(RowCount counted) {
        label.setText(counted.describe(one, many));
        exactly.setVisible(counted.more());
        if (rows != null) {
            if (counted.more()) {
                rows.setItemCountEstimate(ESTIMATE);
            } else {
                total = counted.rows();
                rows.setItemCountFromDataProvider();
            }
        }
        return counted;
    }
}
