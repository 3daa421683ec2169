package app.roadbook.shows;

import app.roadbook.base.Refusal;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Grids sort only by whitelisted properties (docs/product.md §7): a sort property that arrives from the browser
 * never reaches a query unchecked, and anything else is refused.
 */
final class GridSort {

    private GridSort() {}

    static Sort check(Sort requested, Set<String> allowed) {
        for (Sort.Order order : requested) {
            if (!allowed.contains(order.getProperty())) {
                throw new Refusal("Cannot sort by " + order.getProperty() + ".");
            }
        }
        return requested;
    }

    /**
     * The page to query: the requested sort once checked (text case-insensitively), or the default when none is
     * asked for, with the id last so that pages never overlap or skip a row.
     */
    static Pageable page(Pageable page, Set<String> allowed, Set<String> text, Sort defaultSort) {
        Sort requested = check(page.getSort(), allowed);
        Sort sort = requested.isUnsorted()
                ? defaultSort
                : Sort.by(requested.stream()
                        .map(o -> text.contains(o.getProperty()) ? o.ignoreCase() : o)
                        .toList());
        sort = sort.and(Sort.by("id"));
        return page.isPaged() ? PageRequest.of(page.getPageNumber(), page.getPageSize(), sort) : Pageable.unpaged(sort);
    }
}
