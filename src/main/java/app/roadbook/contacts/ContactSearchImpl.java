package app.roadbook.contacts;

import app.roadbook.base.TextInput;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The directory's filtered reads in HQL, put together from the fixed pieces below: only the conditions the filter
 * asks for (so PostgreSQL plans each combination for what it is, and the trigram index serves every search), and
 * only whitelisted sort expressions. Nothing a user typed ever becomes part of a query; it is always a parameter.
 */
class ContactSearchImpl implements ContactSearch {

    /** What each grid sort key sorts on. A key not listed here is ignored, never put into a query. */
    static final Map<String, String> SORTABLE = Map.of(
            "name",
            "lower(c.name)",
            "company",
            "lower(c.company)",
            "city",
            "lower(c.city)",
            "email",
            "c.email",
            "status",
            "c.status");

    /**
     * A contact's types as one column ("promoter,agent", in the enum's order), so a page of rows is one statement
     * rather than one more per row.
     */
    private static final String TYPES = """
            (select listagg(str(t.id.type), ',') within group (order by t.id.type)
             from ContactTypeEntry t where t.id.contactId = c.id)""";

    /**
     * The search asks contact_ids_matching(org, pattern) (V17) for the ids whose contact_search_text(name, company,
     * email, city) is LIKE the pattern: the function matches as the owner, where the trigram index of V9 serves it, for
     * an org the acting user is a member of, and the rest of the query stays under RLS. (Written as LIKE in this query,
     * the search could not use the index under RLS: LIKE is not leakproof, so PostgreSQL applies it after the policy,
     * row by row.) {@code id = any(...)} is leakproof, so the primary key serves it. The call is a sub-select, an
     * InitPlan evaluated once per statement whatever the plan (as a plain call, a generic plan at scale made it a filter
     * evaluated for every contact). Used for unpaged reads and export; pages and counts go through contact_page_ids and
     * contact_count. The pattern's own % and _ are escaped by {@link TextInput#likeLiteral}.
     */
    private static final String SEARCH =
            " and cast(sql('(? = any((select contact_ids_matching(?, ?))::uuid[]))', c.id, :orgId, :search) as Boolean) = true";

    /** With the org, so the planner estimates the sub-query for this org's rows (and the type index serves it). */
    private static final String HAS_TYPE = " and exists (select 1 from ContactTypeEntry t where t.id.contactId = c.id"
            + " and t.orgId = :orgId and t.id.type in :types)";

    @PersistenceContext
    private EntityManager em;

    @Override
    public List<ContactRow> findRows(UUID orgId, ContactFilter filter, Pageable page) {
        TypedQuery<Object[]> query;
        if (page.isPaged()) {
            // Ids first, chosen by contact_page_ids (V17, decision 0018): the filter and the order are planned as the
            // owner, for this org, where the planner sees what it is sorting and the indexes serve the search, the
            // types and a deep page (under RLS it sorted the whole org by email, and the type filter could not use
            // its index). It returns only the page's ids, for an org the acting user is a member of; this query reads
            // them under RLS (an InitPlan, evaluated once, and a uuid comparison) and computes the types column for
            // the page alone. Still one statement.
            query = em.createQuery("""
                    select c.id, c.name, c.company, c.city, c.country, c.email, c.phone, c.status, %s
                    from Contact c where c.orgId = :orgId and cast(sql('(? = any((select contact_page_ids(?, ?, ?, ?, ?, ?, ?))::uuid[]))',
                        c.id, :orgId, :pattern, :types, :status, :order, :pageOffset, :pageSize) as Boolean) = true
                    order by %s""".formatted(TYPES, orderBy(page.getSort())), Object[].class);
            query.setParameter("orgId", orgId);
            Functions.bind(query, filter);
            query.setParameter("order", functionOrder(page.getSort()));
            query.setParameter("pageOffset", Math.toIntExact(page.getOffset()));
            query.setParameter("pageSize", page.getPageSize());
            return rows(query);
        }
        Where where = Where.of(orgId, filter);
        query = em.createQuery("""
                select c.id, c.name, c.company, c.city, c.country, c.email, c.phone, c.status, %s
                from Contact c where %s order by %s""".formatted(TYPES, where.hql(), orderBy(page.getSort())), Object[].class);
        where.bind(query);
        return rows(query);
    }

    /**
     * As the paged form of {@link #findRows}, the ids chosen by contact_page_ids, here its keyset form (V30): the
     * page starts after a contact the grid already has, so its cost does not grow with its depth. Where that form
     * answers NULL (the contact is gone, or the order is not one it pages by key), {@code coalesce} asks the offset
     * form instead, in the same statement (it is evaluated only then). Both inside one sub-select: one InitPlan
     * whose array the primary key serves (as {@code coalesce} of two sub-selects, the planner under RLS filtered
     * every contact of the org by it instead: 55 ms against 3.7 ms at scale 0.1).
     */
    @Override
    public List<ContactRow> findRowsAfter(
            UUID orgId, ContactFilter filter, Sort sort, UUID afterId, long skip, int size, long offset) {
        if (afterId == null) {
            return findRows(orgId, filter, new OffsetPage(offset, size, sort));
        }
        TypedQuery<Object[]> query = em.createQuery("""
                select c.id, c.name, c.company, c.city, c.country, c.email, c.phone, c.status, %s
                from Contact c where c.orgId = :orgId and cast(sql('(? = any((select coalesce(contact_page_ids(?, ?, ?, ?, ?, ?, ?, ?), contact_page_ids(?, ?, ?, ?, ?, ?, ?)))::uuid[]))',
                    c.id, :orgId, :pattern, :types, :status, :order, :afterId, :skip, :pageSize,
                    :orgId, :pattern, :types, :status, :order, :pageOffset, :pageSize) as Boolean) = true
                order by %s""".formatted(TYPES, orderBy(sort)), Object[].class);
        query.setParameter("orgId", orgId);
        Functions.bind(query, filter);
        query.setParameter("order", functionOrder(sort));
        query.setParameter("afterId", afterId);
        query.setParameter("skip", Math.toIntExact(skip));
        query.setParameter("pageOffset", Math.toIntExact(offset));
        query.setParameter("pageSize", size);
        return rows(query);
    }

    /** An offset page whose offset need not be a multiple of its size (PageRequest's must). */
    private record OffsetPage(long offset, int size, Sort sort) implements Pageable {

        @Override
        public int getPageNumber() {
            return size == 0 ? 0 : Math.toIntExact(offset / size);
        }

        @Override
        public int getPageSize() {
            return size;
        }

        @Override
        public long getOffset() {
            return offset;
        }

        @Override
        public Sort getSort() {
            return sort;
        }

        @Override
        public Pageable next() {
            return new OffsetPage(offset + size, size, sort);
        }

        @Override
        public Pageable previousOrFirst() {
            return new OffsetPage(Math.max(0, offset - size), size, sort);
        }

        @Override
        public Pageable first() {
            return new OffsetPage(0, size, sort);
        }

        @Override
        public Pageable withPage(int pageNumber) {
            return new OffsetPage((long) pageNumber * size, size, sort);
        }

        @Override
        public boolean hasPrevious() {
            return offset > 0;
        }
    }

    private static List<ContactRow> rows(TypedQuery<Object[]> query) {
        return query.getResultList().stream()
                .map(r -> new ContactRow(
                        (UUID) r[0],
                        (String) r[1],
                        List.copyOf(types((String) r[8])),
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6],
                        (ContactStatus) r[7]))
                .toList();
    }

    @Override
    public long countRows(UUID orgId, ContactFilter filter) {
        if (Functions.searches(filter) || Functions.typed(filter)) {
            // A search or a type filter is counted by contact_count (V17) as the owner, for an org the acting user is
            // a member of, where the trigram and type indexes serve it (under RLS neither could); the org's plain
            // and by-status counts stay index-only scans under RLS below.
            jakarta.persistence.Query query =
                    em.createNativeQuery("select contact_count(:orgId, :pattern, :types, :status)", Long.class);
            query.setParameter("orgId", orgId);
            Functions.bind(query, filter);
            return ((Number) query.getSingleResult()).longValue();
        }
        Where where = Where.of(orgId, filter);
        TypedQuery<Long> query = em.createQuery("select count(*) from Contact c where " + where.hql(), Long.class);
        where.bind(query);
        return query.getSingleResult();
    }

    @Override
    public long countRowsUpTo(UUID orgId, ContactFilter filter, int limit) {
        if (Functions.searches(filter) || Functions.typed(filter)) {
            // contact_count's capped form (V23): the same filter as the owner, in a sub-select limited to `limit`.
            jakarta.persistence.Query query =
                    em.createNativeQuery("select contact_count(:orgId, :pattern, :types, :status, :limit)", Long.class);
            query.setParameter("orgId", orgId);
            Functions.bind(query, filter);
            query.setParameter("limit", limit);
            return ((Number) query.getSingleResult()).longValue();
        }
        // Native SQL: a count over a limited sub-select (HQL has no such form), under RLS; the org's (and the
        // status's) index is walked for at most `limit` entries.
        jakarta.persistence.Query query = em.createNativeQuery(
                "select count(*) from (select 1 from contacts c where c.org_id = :orgId"
                        + (filter.status() == null ? "" : " and c.status = :status")
                        + " limit :limit) counted",
                Long.class);
        query.setParameter("orgId", orgId);
        if (filter.status() != null) {
            query.setParameter("status", filter.status().name());
        }
        query.setParameter("limit", limit);
        return ((Number) query.getSingleResult()).longValue();
    }

    @Override
    public List<ContactDraft> findDrafts(UUID orgId, ContactFilter filter) {
        Where where = Where.of(orgId, filter);
        TypedQuery<Object[]> query = em.createQuery("""
                select c.name, c.email, c.phone, c.company, c.roleTitle, c.city, c.country, c.commissionRate, c.notes,
                       c.status, %s
                from Contact c where %s order by lower(c.name), c.id""".formatted(TYPES, where.hql()), Object[].class);
        where.bind(query);
        return query.getResultList().stream()
                .map(r -> new ContactDraft(
                        (String) r[0],
                        types((String) r[10]),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6],
                        (java.math.BigDecimal) r[7],
                        (String) r[8],
                        (ContactStatus) r[9]))
                .toList();
    }

    /**
     * The LIKE pattern of a search: "%term%" (anywhere in the contact's search text, served by the trigram index)
     * for three characters or more, "te%" (the start of a name or an email, served by V23's prefix indexes) for one
     * or two, which have no trigrams. The functions of V17 and V23 tell the two apart by the leading %: a prefix
     * pattern never starts with one (a typed % is escaped). The user's % and _ are escaped by
     * {@link TextInput#likeLiteral}.
     */
    static String pattern(ContactFilter filter) {
        if (filter.searchesByPrefix()) {
            return TextInput.likeLiteral(filter.search().strip().toLowerCase()) + "%";
        }
        return "%" + TextInput.likeLiteral(filter.search().toLowerCase()) + "%";
    }

    /** A filter as contact_page_ids and contact_count take it: empty text for "any". */
    private static final class Functions {

        static boolean searches(ContactFilter filter) {
            return filter.search() != null && !filter.search().isBlank();
        }

        static boolean typed(ContactFilter filter) {
            return filter.types() != null && !filter.types().isEmpty();
        }

        static void bind(jakarta.persistence.Query query, ContactFilter filter) {
            query.setParameter("pattern", searches(filter) ? pattern(filter) : "");
            query.setParameter(
                    "types",
                    typed(filter)
                            ? String.join(
                                    ",",
                                    filter.types().stream()
                                            .map(Enum::name)
                                            .sorted()
                                            .toList())
                            : "");
            query.setParameter(
                    "status", filter.status() == null ? "" : filter.status().name());
        }
    }

    /** The conditions a filter asks for, and their parameters. */
    private record Where(String hql, Map<String, Object> parameters) {

        static Where of(UUID orgId, ContactFilter filter) {
            StringBuilder hql = new StringBuilder("c.orgId = :orgId");
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("orgId", orgId);
            if (filter.search() != null && !filter.search().isBlank()) {
                hql.append(SEARCH);
                parameters.put("search", pattern(filter));
            }
            if (filter.types() != null && !filter.types().isEmpty()) {
                hql.append(HAS_TYPE);
                parameters.put("types", List.copyOf(filter.types()));
            }
            if (filter.status() != null) {
                hql.append(" and c.status = :status");
                parameters.put("status", filter.status());
            }
            return new Where(hql.toString(), parameters);
        }

        void bind(TypedQuery<?> query) {
            parameters.forEach(query::setParameter);
        }
    }

    private static String orderBy(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order order : sort) {
            String expression = SORTABLE.get(order.getProperty());
            if (expression != null) {
                parts.add(expression + (order.isAscending() ? " asc nulls last" : " desc nulls last"));
            }
        }
        parts.add("lower(c.name)");
        parts.add("c.id");
        return String.join(", ", parts);
    }

    /** The grid's sort as contact_page_ids takes it ("email asc,name desc"), whitelisted keys only. */
    static String functionOrder(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order order : sort) {
            if (SORTABLE.containsKey(order.getProperty())) {
                parts.add(order.getProperty() + (order.isAscending() ? " asc" : " desc"));
            }
        }
        return String.join(",", parts);
    }

    private static Set<ContactType> types(String joined) {
        Set<ContactType> types = EnumSet.noneOf(ContactType.class);
        if (joined != null && !joined.isEmpty()) {
            Arrays.stream(joined.split(",")).map(ContactType::valueOf).forEach(types::add);
        }
        return types;
    }
}
