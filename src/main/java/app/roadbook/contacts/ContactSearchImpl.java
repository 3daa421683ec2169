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
     * row by row.) {@code id = any(...)} is leakproof, so the primary key serves it. The pattern's own % and _ are
     * escaped by {@link TextInput#likeLiteral}.
     */
    private static final String SEARCH =
            " and cast(sql('(? = any(contact_ids_matching(?, ?)))', c.id, :orgId, :search) as Boolean) = true";

    /** With the org, so the planner estimates the sub-query for this org's rows (and the type index serves it). */
    private static final String HAS_TYPE = " and exists (select 1 from ContactTypeEntry t where t.id.contactId = c.id"
            + " and t.orgId = :orgId and t.id.type in :types)";

    @PersistenceContext
    private EntityManager em;

    @Override
    public List<ContactRow> findRows(UUID orgId, ContactFilter filter, Pageable page) {
        Where where = Where.of(orgId, filter);
        TypedQuery<Object[]> query;
        if (page.isPaged()) {
            // Ids first: the page's ids are found without the types column, so a deep page does not compute the
            // types of every row it skips (a sub-select each); then the page's rows get theirs. Still one statement.
            query = em.createQuery(
                    """
                    select c.id, c.name, c.company, c.city, c.country, c.email, c.phone, c.status, %s
                    from Contact c where c.id in (select p.id from Contact p where %s order by %s
                                                  offset :pageOffset rows fetch first :pageSize rows only)
                    order by %s""".formatted(
                                    TYPES,
                                    aliased(where.hql(), "p"),
                                    aliased(orderBy(page.getSort()), "p"),
                                    orderBy(page.getSort())),
                    Object[].class);
            query.setParameter("pageOffset", Math.toIntExact(page.getOffset()));
            query.setParameter("pageSize", page.getPageSize());
        } else {
            query = em.createQuery("""
                    select c.id, c.name, c.company, c.city, c.country, c.email, c.phone, c.status, %s
                    from Contact c where %s order by %s""".formatted(TYPES, where.hql(), orderBy(page.getSort())), Object[].class);
        }
        where.bind(query);
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
        Where where = Where.of(orgId, filter);
        TypedQuery<Long> query = em.createQuery("select count(*) from Contact c where " + where.hql(), Long.class);
        where.bind(query);
        return query.getSingleResult();
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

    /** The conditions a filter asks for, and their parameters. */
    private record Where(String hql, Map<String, Object> parameters) {

        static Where of(UUID orgId, ContactFilter filter) {
            StringBuilder hql = new StringBuilder("c.orgId = :orgId");
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("orgId", orgId);
            if (filter.search() != null && !filter.search().isBlank()) {
                hql.append(SEARCH);
                parameters.put(
                        "search", "%" + TextInput.likeLiteral(filter.search().toLowerCase()) + "%");
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

    /** The same conditions or sort for another alias of Contact than {@code c} (a sub-query's). */
    private static String aliased(String hql, String alias) {
        return hql.replaceAll("\\bc\\.", alias + ".");
    }

    private static Set<ContactType> types(String joined) {
        Set<ContactType> types = EnumSet.noneOf(ContactType.class);
        if (joined != null && !joined.isEmpty()) {
            Arrays.stream(joined.split(",")).map(ContactType::valueOf).forEach(types::add);
        }
        return types;
    }
}
