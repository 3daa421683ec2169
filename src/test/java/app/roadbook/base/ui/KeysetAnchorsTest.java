package app.roadbook.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.base.Keyset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How a grid's offset requests become key requests: rows are the numbers 0..999, each its own key. */
class KeysetAnchorsTest {

    final List<Integer> rows = IntStream.range(0, 1000).boxed().toList();
    final List<Keyset<Integer>> asked = new ArrayList<>();
    final KeysetAnchors<Integer, Integer> anchors = new KeysetAnchors<>(row -> row);

    /** The "database": rows after the key (or from the start), skipping, limited. */
    List<Integer> fetch(Keyset<Integer> start) {
        asked.add(start);
        int from = (start.after() == null ? 0 : start.after() + 1) + (int) start.skip();
        return rows.subList(Math.min(from, rows.size()), Math.min(rows.size(), from + start.size()));
    }

    @Test
    void scrolling_on_asks_for_the_rows_after_the_last_one_seen() {
        assertThat(anchors.page(0, 50, this::fetch)).isEqualTo(rows.subList(0, 50));
        assertThat(anchors.page(50, 50, this::fetch)).isEqualTo(rows.subList(50, 100));
        assertThat(anchors.page(100, 50, this::fetch)).isEqualTo(rows.subList(100, 150));
        assertThat(asked)
                .containsExactly(Keyset.offset(0, 50), new Keyset<>(49, 0, 50, 50), new Keyset<>(99, 0, 50, 100));
    }

    @Test
    void a_jump_starts_from_the_nearest_row_seen_before_it_and_skips_the_rest() {
        anchors.page(0, 50, this::fetch);
        anchors.page(50, 50, this::fetch);
        asked.clear();
        assertThat(anchors.page(730, 50, this::fetch)).isEqualTo(rows.subList(730, 780));
        assertThat(anchors.page(75, 50, this::fetch)).isEqualTo(rows.subList(75, 125));
        assertThat(anchors.page(10, 20, this::fetch)).isEqualTo(rows.subList(10, 30));
        assertThat(asked)
                .containsExactly(new Keyset<>(99, 630, 50, 730), new Keyset<>(49, 25, 50, 75), Keyset.offset(10, 20));
        assertThat(anchors.page(780, 50, this::fetch)).isEqualTo(rows.subList(780, 830));
        assertThat(asked.getLast()).isEqualTo(new Keyset<>(779, 0, 50, 780));
    }

    @Test
    void the_end_of_the_list_remembers_nothing_and_forgetting_starts_over() {
        anchors.page(980, 50, this::fetch);
        assertThat(anchors.page(1000, 50, this::fetch)).isEmpty();
        assertThat(asked.getLast()).isEqualTo(new Keyset<>(999, 0, 50, 1000));
        assertThat(anchors.remembered()).isEqualTo(1);
        anchors.forget();
        assertThat(anchors.remembered()).isZero();
        anchors.page(100, 50, this::fetch);
        assertThat(asked.getLast()).isEqualTo(Keyset.offset(100, 50));
    }

    @Test
    void at_most_a_bounded_number_of_positions_per_grid() {
        for (int i = 0; i < KeysetAnchors.MOST + 10; i++) {
            anchors.page(i % 999, 1, this::fetch);
        }
        assertThat(anchors.remembered()).isLessThanOrEqualTo(KeysetAnchors.MOST);
    }
}
