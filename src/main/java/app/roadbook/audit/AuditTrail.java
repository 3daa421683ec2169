package app.roadbook.audit;

import app.roadbook.base.ActivitySentence;
import app.roadbook.base.Keyset;
import app.roadbook.base.Refusal;
import app.roadbook.base.RowCount;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrgPermission;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An organization's activity log as its owners and admins read it; the policy on activity_log agrees. */
@Service
@PreAuthorize("isAuthenticated()")
public class AuditTrail {

    public static final List<String> CATEGORIES =
            List.of("security", "membership", "invitation", "billing", "general", "migration");

    /** Filters; null or blank means "any". Dates are whole UTC days, both inclusive. */
    public record Filter(String category, String action, UUID actorId, LocalDate from, LocalDate to) {
        public static final Filter ANY = new Filter(null, null, null, null, null);
    }

    /**
     * One entry as people read it: {@code sentence} says who did what to which named target; {@code targetName} is
     * the target as it is called now (or was, for deleted rows) and {@code targetPath} the page showing it, if any.
     */
    public record Entry(
            OffsetDateTime at,
            UUID actorId,
            String actor,
            String category,
            String action,
            String targetName,
            String targetPath,
            String details,
            String ipAddress,
            String sentence,
            UUID id) {}

    /** Where an entry stands in the log's order (newest first, then by id): keyset paging ({@link Keyset}). */
    public record EntryKey(OffsetDateTime at, UUID id) {

        public static EntryKey of(Entry entry) {
            return new EntryKey(entry.at(), entry.id());
        }
    }

    private final JdbcTemplate jdbc;
    private final OrgAccess access;

    AuditTrail(DataSource dataSource, OrgAccess access) {
        // SQL: a report over a partitioned, append-only log with optional filters and the actors' names; no entity
        // is loaded or changed, and the partition pruning depends on the created_at predicates written here.
        this.jdbc = new JdbcTemplate(dataSource);
        this.access = access;
    }

    @Transactional(readOnly = true)
    public List<Entry> entries(UUID orgId, Filter filter, Pageable page) {
        return entries(orgId, filter, Keyset.offset(page.getOffset(), page.getPageSize()));
    }

    /**
     * A page of the log after an entry the grid already has (keyset): {@code created_at <= :at} is a range of the
     * indexes {@code (org_id, created_at desc)} and {@code (org_id, category, created_at desc)} and prunes the
     * monthly partitions after it, so a page deep in a million entries reads its own rows, not every newer one
     * (decision 0018, fourth round).
     */
    @Transactional(readOnly = true)
    public List<Entry> entries(UUID orgId, Filter filter, Keyset<EntryKey> page) {
        requireReader(orgId);
        List<Object> args = new ArrayList<>();
        String where = where(orgId, filter, args);
        if (!page.fromStart()) {
            where += " and l.created_at <= ? and (l.created_at < ? or l.id > ?)";
            args.add(page.after().at());
            args.add(page.after().at());
            args.add(page.after().id());
        }
        args.add(page.size());
        args.add(page.skip());
        java.util.Map<String, String> planNames = new java.util.HashMap<>();
        jdbc.query("select id, name from billing_plans", rs -> {
            planNames.put(rs.getString(1), rs.getString(2));
        });
        // Targets by name: each resource type's row as it is called now (RLS shows only the org's own); a deleted
        // row falls back to the name the entry recorded.
        return jdbc.query(
                """
                select l.created_at, l.user_id,
                       coalesce(u.display_name, l.details->>'email', case when l.user_id is null then 'Roadbook' else 'Someone outside the organization' end),
                       l.category, l.action,
                       case l.resource_type
                         when 'artist' then (select a.name from artists a where a.id = l.resource_id)
                         when 'venue' then (select v.name from venues v where v.id = l.resource_id)
                         when 'show' then (select coalesce(s.title, concat_ws(' at ', a.name, v.name), 'show')
                                                  || ' on ' || to_char(s.date, 'Dy FMDD Mon YYYY')
                                           from shows s left join artists a on a.id = s.artist_id
                                                left join venues v on v.id = s.venue_id where s.id = l.resource_id)
                         when 'contact' then (select c.name from contacts c where c.id = l.resource_id)
                         when 'advancing_session' then (select x.title from advancing_sessions x where x.id = l.resource_id)
                         when 'user' then (select p.display_name from app_users p where p.id = l.resource_id)
                         when 'member' then (select p.display_name from app_users p where p.id = l.resource_id)
                         when 'invitation' then (select i.email::text from invitations i where i.id = l.resource_id)
                         when 'subscription' then (select o.name from organizations o where o.id = l.resource_id)
                       end,
                       l.resource_type, l.resource_id, l.details::text, host(l.ip_address), l.id
                from activity_log l left join app_users u on u.id = l.user_id
                """ + where + " order by l.created_at desc, l.id limit ? offset ?",
                (rs, i) -> {
                    String actor = rs.getString(3);
                    String action = rs.getString(5);
                    String target = rs.getString(6);
                    String details = rs.getString(9);
                    return new Entry(
                            rs.getObject(1, OffsetDateTime.class),
                            rs.getObject(2, UUID.class),
                            actor,
                            rs.getString(4),
                            action,
                            target,
                            target == null ? null : path(rs.getString(7), rs.getObject(8, UUID.class)),
                            details,
                            rs.getString(10),
                            ActivitySentence.of(actor, action, target, details, planNames::get),
                            rs.getObject(11, UUID.class));
                },
                args.toArray());
    }

    /** The page that shows a target, where there is one. */
    private static String path(String resourceType, UUID id) {
        if (resourceType == null || id == null) {
            return null;
        }
        return switch (resourceType) {
            case "show" -> "shows/" + id;
            case "contact" -> "contacts/" + id;
            case "advancing_session" -> "advance/" + id;
            case "artist" -> "artists";
            case "venue" -> "venues";
            default -> null;
        };
    }

    @Transactional(readOnly = true)
    public long count(UUID orgId, Filter filter) {
        requireReader(orgId);
        List<Object> args = new ArrayList<>();
        String where = where(orgId, filter, args);
        return jdbc.queryForObject("select count(*) from activity_log l " + where, Long.class, args.toArray());
    }

    /**
     * The log's heading: the number of matching entries, or "10,000+" ({@link RowCount}). The sub-select stops after
     * {@link RowCount#LIMIT} rows, so the count costs at most that many whatever the log's size (an exact count of a
     * million entries reads them all, each through the policy).
     */
    @Transactional(readOnly = true)
    public RowCount countCapped(UUID orgId, Filter filter) {
        requireReader(orgId);
        List<Object> args = new ArrayList<>();
        String where = where(orgId, filter, args);
        args.add(RowCount.LIMIT);
        return RowCount.capped(jdbc.queryForObject(
                "select count(*) from (select 1 from activity_log l " + where + " limit ?) counted",
                Long.class,
                args.toArray()));
    }

    private void requireReader(UUID orgId) {
        access.require(orgId, OrgPermission.READ_AUDIT);
    }

    private static String where(UUID orgId, Filter filter, List<Object> args) {
        StringBuilder where = new StringBuilder("where l.org_id = ?");
        args.add(orgId);
        if (filter.category() != null && !filter.category().isBlank()) {
            if (!CATEGORIES.contains(filter.category())) {
                throw new Refusal("Unknown category: choose one from the list.");
            }
            where.append(" and l.category = ?");
            args.add(filter.category());
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            if (filter.action().length() > 100) {
                throw new Refusal("Search for at most 100 characters of an action.");
            }
            where.append(" and l.action ilike '%' || ? || '%'");
            args.add(app.roadbook.base.TextInput.likeLiteral(filter.action()));
        }
        if (filter.actorId() != null) {
            where.append(" and l.user_id = ?");
            args.add(filter.actorId());
        }
        if (filter.from() != null) {
            where.append(" and l.created_at >= ?");
            args.add(filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" and l.created_at < ?");
            args.add(filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        return where.toString();
    }
}
