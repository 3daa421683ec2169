package app.roadbook.shows;

import app.roadbook.shows.ShowRecords.ShowFilter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * JPQL assembled from fixed clauses only; every value is a bound parameter. Artist and venue come by left join
 * in the same statement, so a page costs one query however many rows it has.
 */
class ShowListingImpl implements ShowListing {

    /** What a grid may sort shows by, and the JPQL each stands for. */
    static final Map<String, String> SORTABLE = Map.of(
            "date", "s.date",
            "title", "lower(s.title)",
            "status", "s.status",
            "artistName", "lower(a.name)",
            "venueName", "lower(v.name)",
            "venueCity", "lower(v.city)",
            "doors", "s.doorsAt");

    /** Upcoming shows first (soonest first), then past ones (latest first); "today" is the database's. */
    private static final String UPCOMING_FIRST = """
            case when s.date < current_date then 1 else 0 end, case when s.date >= current_date then s.date end, s.date desc""";

    @PersistenceContext
    private EntityManager em;

    @Override
    public List<ShowLine> findLines(UUID orgId, ShowFilter filter, Pageable page) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<ShowLine> query =
                em.createQuery("""
                select new app.roadbook.shows.ShowLine(s.id, s.date, s.title, s.status, a.name, v.name, v.city,
                       s.doorsAt, s.setTime, v.timezone)
                from Show s left join s.artist a left join s.venue v
                where %s
                order by %s, s.id""".formatted(where(orgId, filter, params), orderBy(page.getSort())), ShowLine.class);
        params.forEach(query::setParameter);
        if (page.isPaged()) {
            query.setFirstResult(Math.toIntExact(page.getOffset()));
            query.setMaxResults(page.getPageSize());
        }
        return query.getResultList();
    }

    @Override
    public long countLines(UUID orgId, ShowFilter filter) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Long> query =
                em.createQuery("select count(s) from Show s where " + where(orgId, filter, params), Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private static String where(UUID orgId, ShowFilter f, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("s.orgId = :orgId");
        params.put("orgId", orgId);
        if (f.artistId() != null) {
            where.append(" and s.artist.id = :artistId");
            params.put("artistId", f.artistId());
        }
        if (f.status() != null) {
            where.append(" and s.status = :status");
            params.put("status", f.status());
        }
        if (f.from() != null) {
            where.append(" and s.date >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            where.append(" and s.date <= :to");
            params.put("to", f.to());
        }
        return where.toString();
    }

    private static String orderBy(Sort sort) {
        if (GridSort.check(sort, SORTABLE.keySet()).isUnsorted()) {
            return UPCOMING_FIRST;
        }
        return sort.stream()
                .map(o -> SORTABLE.get(o.getProperty()) + (o.isAscending() ? " asc" : " desc"))
                .collect(Collectors.joining(", "));
    }
}
