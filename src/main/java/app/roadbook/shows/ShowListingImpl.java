package app.roadbook.shows;

import app.roadbook.shows.ShowRecords.ShowFilter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.query.NativeQuery;
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
        if (page.isPaged() && GridSort.check(page.getSort(), SORTABLE.keySet()).isUnsorted()) {
            return upcomingFirstPage(orgId, filter, page.getOffset(), page.getPageSize());
        }
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

    /**
     * A page in the default order, ids first, in one statement of native SQL (HQL has no expression for an offset,
     * which this needs). The order is an expression no index serves (upcoming soonest first, then past latest first),
     * so a plain offset page sorted all of the org's shows and joined every skipped row. Here each half walks the
     * index {@code shows (org_id, date, id)} in its own direction, index-only: the upcoming half from the page's
     * offset, the past half from the offset minus the number of upcoming shows (an index-only count); together at
     * most two pages of ids, of which the page is the first {@code size} in the full order. Only those rows are read
     * and joined to their artist and venue. Filters apply to both halves and to the count alike.
     */
    private List<ShowLine> upcomingFirstPage(UUID orgId, ShowFilter filter, long offset, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = nativeWhere(orgId, filter, params);
        Query query = em.createNativeQuery("""
                select s.id, s.date, s.title, cast(s.status as text) as status, a.name as artist_name,
                       v.name as venue_name, v.city as venue_city, s.doors_at, s.set_time, v.timezone
                from shows s left join artists a on a.id = s.artist_id left join venues v on v.id = s.venue_id
                where s.id in (
                    (select s.id from shows s where %1$s and s.date >= current_date order by s.date, s.id
                     offset :offset limit :size)
                    union all
                    (select s.id from shows s where %1$s and s.date < current_date order by s.date desc, s.id
                     offset case when :offset = 0 then 0 else greatest(0, :offset
                         - (select count(*) from shows s where %1$s and s.date >= current_date)) end
                     limit :size))
                order by case when s.date < current_date then 1 else 0 end,
                         case when s.date >= current_date then s.date end, s.date desc, s.id
                limit :size""".formatted(where));
        params.forEach(query::setParameter);
        query.setParameter("offset", offset);
        query.setParameter("size", size);
        return lines(query);
    }

    /**
     * A page in the default order after a known row (keyset): the same two halves as {@link #upcomingFirstPage},
     * each starting at the key instead of at an offset, so a page deep in the list walks only its own index entries
     * (plus {@code skip}, the distance from the nearest row the grid has seen). After an upcoming row: the upcoming
     * shows after it, then the past ones from the latest; after a past row, the past ones after it only. The key's
     * conditions are written as an index range ({@code s.date >= :afterDate}, {@code s.date <= …}) plus a filter for
     * the ties on the date, so the walk starts at the key's date in {@code shows (org_id, date, id)}.
     */
    @Override
    public List<ShowLine> findLinesAfter(
            UUID orgId, ShowFilter filter, LocalDate afterDate, UUID afterId, long skip, int size) {
        if (afterDate == null || afterId == null) {
            return upcomingFirstPage(orgId, filter, skip, size);
        }
        Map<String, Object> params = new HashMap<>();
        String where = nativeWhere(orgId, filter, params);
        String upcomingAfter = where + " and s.date >= current_date and cast(:afterDate as date) >= current_date"
                + " and s.date >= :afterDate and (s.date > :afterDate or s.id > :afterId)";
        // Past rows after the key: all of them after an upcoming key (least(…) is then current_date), else those
        // before the key's date or on it with a greater id (the past half is date descending, id ascending).
        String pastAfter =
                where + " and s.date < current_date and s.date <= least(cast(:afterDate as date), current_date)"
                        + " and (s.date < least(cast(:afterDate as date), current_date) or s.id > :afterId)";
        Query query = em.createNativeQuery("""
                select s.id, s.date, s.title, cast(s.status as text) as status, a.name as artist_name,
                       v.name as venue_name, v.city as venue_city, s.doors_at, s.set_time, v.timezone
                from shows s left join artists a on a.id = s.artist_id left join venues v on v.id = s.venue_id
                where s.id in (
                    (select s.id from shows s where %1$s order by s.date, s.id offset :skip limit :size)
                    union all
                    (select s.id from shows s where %2$s order by s.date desc, s.id
                     offset case when :skip = 0 then 0 else greatest(0, :skip
                         - (select count(*) from shows s where %1$s)) end
                     limit :size))
                order by case when s.date < current_date then 1 else 0 end,
                         case when s.date >= current_date then s.date end, s.date desc, s.id
                limit :size""".formatted(upcomingAfter, pastAfter));
        params.forEach(query::setParameter);
        query.setParameter("afterDate", afterDate);
        query.setParameter("afterId", afterId);
        query.setParameter("skip", skip);
        query.setParameter("size", size);
        return lines(query);
    }

    private static List<ShowLine> lines(Query query) {
        query.unwrap(NativeQuery.class)
                .addScalar("id", UUID.class)
                .addScalar("date", LocalDate.class)
                .addScalar("title", String.class)
                .addScalar("status", String.class)
                .addScalar("artist_name", String.class)
                .addScalar("venue_name", String.class)
                .addScalar("venue_city", String.class)
                .addScalar("doors_at", OffsetDateTime.class)
                .addScalar("set_time", OffsetDateTime.class)
                .addScalar("timezone", String.class);
        List<?> rows = query.getResultList();
        return rows.stream()
                .map(o -> (Object[]) o)
                .map(r -> new ShowLine(
                        (UUID) r[0],
                        (LocalDate) r[1],
                        (String) r[2],
                        ShowStatus.valueOf((String) r[3]),
                        (String) r[4],
                        (String) r[5],
                        (String) r[6],
                        (OffsetDateTime) r[7],
                        (OffsetDateTime) r[8],
                        (String) r[9]))
                .toList();
    }

    /** The filter's conditions in SQL on {@code shows s}, as {@link #where} has them in JPQL. */
    private static String nativeWhere(UUID orgId, ShowFilter f, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("s.org_id = :orgId");
        params.put("orgId", orgId);
        if (f.artistId() != null) {
            where.append(" and s.artist_id = :artistId");
            params.put("artistId", f.artistId());
        }
        if (f.status() != null) {
            where.append(" and s.status = cast(:status as show_status)");
            params.put("status", f.status().name());
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

    @Override
    public long countLines(UUID orgId, ShowFilter filter) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Long> query =
                em.createQuery("select count(s) from Show s where " + where(orgId, filter, params), Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /**
     * Native SQL because a count over a limited sub-select has no HQL form that Hibernate renders as one: the
     * sub-select stops after {@code limit} rows of the index {@code shows (org_id, date, id)}, so the heading's
     * count costs at most that many index entries however many shows the org has.
     */
    @Override
    public long countLinesUpTo(UUID orgId, ShowFilter filter, int limit) {
        Map<String, Object> params = new HashMap<>();
        Query query = em.createNativeQuery(
                "select count(*) from (select 1 from shows s where " + nativeWhere(orgId, filter, params)
                        + " limit :limit) counted",
                Long.class);
        params.forEach(query::setParameter);
        query.setParameter("limit", limit);
        return ((Number) query.getSingleResult()).longValue();
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
