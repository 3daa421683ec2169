package app.roadbook.advancing;

import app.roadbook.advancing.AdvancingBoard.ArtistOption;
import app.roadbook.advancing.AdvancingBoard.Filter;
import app.roadbook.advancing.AdvancingBoard.Line;
import app.roadbook.advancing.AdvancingBoard.Progress;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * SQL, because the board reads what {@code advancing} has no entities for (shows, their artists and venues; for a
 * collaborator, the definer function my_granted_shows() of V11) and counts with aggregate filters: one statement
 * per page groups each advance's fields and counts them by state. A field counts once, on our row ({@code from_us}),
 * which carries the pair's agreement (V15, index idx_advancing_fields_session_agreement); the promoter's row is joined
 * for one thing only: after a change of an agreed value, which side still holds the agreed value. Assembled from
 * fixed clauses only; every value is a bound parameter. RLS answers as ever: a collaborator's rows are those of
 * the shows granted to them.
 */
class AdvancingBoardQueriesImpl implements AdvancingBoardQueries {

    /** Each field's pair: our row with the agreement, and the promoter's row beside it. */
    private static final String FIELDS = """
            left join advancing_fields u on u.session_id = a.id and u.party_type = 'from_us'
            left join advancing_fields y on y.session_id = u.session_id and y.section = u.section
                                        and y.field_name = u.field_name and y.party_type = 'from_you'""";

    /**
     * Whom a field waits on, as {@link AdvancingRows.Row#waitsOn()} says: the states that name the party
     * ({@link FieldAgreement#waitsOn()}, bound as parameters), and after a change of an agreed value, the party that
     * still holds the agreed value while the other one moved away from it.
     */
    private static final String WAITS_ON_ARTIST_TEAM = """
            cast(u.agreement as text) in (:onArtistTeam)
            or (u.agreement = 'changed_after_agreement' and u.value = u.agreed_value
                and y.value is distinct from u.agreed_value)""";

    private static final String WAITS_ON_PROMOTER = """
            cast(u.agreement as text) in (:onPromoter)
            or (u.agreement = 'changed_after_agreement' and y.value = u.agreed_value
                and u.value is distinct from u.agreed_value)""";

    private static final String CHANGED = "u.agreement = 'changed_after_agreement'";

    private static final String PROGRESS = """
            count(u.id) as fields,
            count(u.id) filter (where u.agreement = 'agreed') as agreed,
            count(u.id) filter (where %s) as waiting_on_artist_team,
            count(u.id) filter (where %s) as waiting_on_promoter,
            count(u.id) filter (where %s) as changed,
            count(u.id) filter (where u.agreement in ('declined_by_artist_team', 'declined_by_promoter')) as declined""".formatted(WAITS_ON_ARTIST_TEAM, WAITS_ON_PROMOTER, CHANGED);

    private static final String[] PROGRESS_COLUMNS = {
        "fields", "agreed", "waiting_on_artist_team", "waiting_on_promoter", "changed", "declined"
    };

    @PersistenceContext
    private EntityManager em;

    @Override
    public List<Line> findBoardPage(UUID orgId, Filter filter, LocalDate today, long offset, int limit) {
        Map<String, Object> params = progressParameters();
        String sql = """
                select a.id as session_id, a.title, a.closed_at is not null as closed, s.id as show_id, s.date,
                       ar.name as artist_name, v.name as venue_name, v.city as venue_city,
                       %s
                from advancing_sessions a
                join shows s on s.id = a.show_id
                left join artists ar on ar.id = s.artist_id
                left join venues v on v.id = s.venue_id
                %s
                where %s
                group by a.id, s.id, ar.id, v.id
                %s
                order by s.date%s, a.created_at, a.id""".formatted(
                        PROGRESS,
                        FIELDS,
                        where(orgId, filter, today, params),
                        having(filter, params),
                        filter.period() == AdvancingBoard.Period.PAST ? " desc" : "");
        NativeQuery<?> query = query(sql, params)
                .addScalar("session_id", UUID.class)
                .addScalar("title", String.class)
                .addScalar("closed", Boolean.class)
                .addScalar("show_id", UUID.class)
                .addScalar("date", LocalDate.class)
                .addScalar("artist_name", String.class)
                .addScalar("venue_name", String.class)
                .addScalar("venue_city", String.class);
        progressScalars(query);
        query.setFirstResult(Math.toIntExact(offset));
        query.setMaxResults(limit);
        List<Line> lines = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            LocalDate date = (LocalDate) c[4];
            lines.add(new Line(
                    (UUID) c[0],
                    (String) c[1],
                    (Boolean) c[2],
                    (UUID) c[3],
                    date,
                    ChronoUnit.DAYS.between(today, date),
                    (String) c[5],
                    (String) c[6],
                    (String) c[7],
                    progress(c, 8)));
        }
        return lines;
    }

    @Override
    public long countBoard(UUID orgId, Filter filter, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        String where = where(orgId, filter, today, params);
        String having = having(filter, params);
        String sql = having.isEmpty()
                ? "select count(*) as n from advancing_sessions a join shows s on s.id = a.show_id where " + where
                : """
                select count(*) as n from (
                    select a.id from advancing_sessions a join shows s on s.id = a.show_id
                    %s
                    where %s
                    group by a.id
                    %s) board""".formatted(FIELDS, where, having);
        return ((Number) query(sql, params).addScalar("n", Long.class).getSingleResult()).longValue();
    }

    @Override
    public List<ArtistOption> findBoardArtists(UUID orgId) {
        NativeQuery<?> query =
                query("""
                        select distinct ar.id, ar.name
                        from advancing_sessions a
                        join shows s on s.id = a.show_id
                        join artists ar on ar.id = s.artist_id
                        where a.org_id = :orgId
                        order by ar.name, ar.id""", Map.of("orgId", orgId)).addScalar("id", UUID.class).addScalar("name", String.class);
        return query.getResultList().stream()
                .map(row -> (Object[]) row)
                .map(c -> new ArtistOption((UUID) c[0], (String) c[1]))
                .toList();
    }

    @Override
    public List<GrantedAdvance> findMyShowAdvances() {
        NativeQuery<?> query = query("""
                        select g.show_id, g.org_name, g.title as show_title, g.date, g.doors_at, g.venue_name,
                               g.venue_city, g.venue_timezone, g.artist_name, cast(g.role as text) as role,
                               a.id as session_id, a.title, a.closed_at is not null as closed,
                               %s
                        from my_granted_shows() g
                        left join advancing_sessions a on a.show_id = g.show_id
                        %s
                        group by g.show_id, g.org_name, g.title, g.date, g.doors_at, g.venue_name, g.venue_city,
                                 g.venue_timezone, g.artist_name, g.role, a.id
                        order by g.date, g.title, g.show_id, a.created_at, a.id""".formatted(PROGRESS, FIELDS), progressParameters())
                .addScalar("show_id", UUID.class)
                .addScalar("org_name", String.class)
                .addScalar("show_title", String.class)
                .addScalar("date", LocalDate.class)
                .addScalar("doors_at", OffsetDateTime.class)
                .addScalar("venue_name", String.class)
                .addScalar("venue_city", String.class)
                .addScalar("venue_timezone", String.class)
                .addScalar("artist_name", String.class)
                .addScalar("role", String.class)
                .addScalar("session_id", UUID.class)
                .addScalar("title", String.class)
                .addScalar("closed", Boolean.class);
        progressScalars(query);
        return query.getResultList().stream()
                .map(row -> (Object[]) row)
                .map(c -> new GrantedAdvance(
                        (UUID) c[0],
                        (String) c[1],
                        (String) c[2],
                        (LocalDate) c[3],
                        (OffsetDateTime) c[4],
                        (String) c[5],
                        (String) c[6],
                        (String) c[7],
                        (String) c[8],
                        (String) c[9],
                        (UUID) c[10],
                        (String) c[11],
                        (Boolean) c[12],
                        progress(c, 13)))
                .toList();
    }

    private NativeQuery<?> query(String sql, Map<String, Object> params) {
        NativeQuery<?> query = em.createNativeQuery(sql).unwrap(NativeQuery.class);
        params.forEach(query::setParameter);
        return query;
    }

    private static String where(UUID orgId, Filter filter, LocalDate today, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("a.org_id = :orgId");
        params.put("orgId", orgId);
        switch (filter.period()) {
            case UPCOMING -> where.append(" and s.date >= :today");
            case PAST -> where.append(" and s.date < :today");
            case ALL -> {}
        }
        if (filter.period() != AdvancingBoard.Period.ALL) {
            params.put("today", today);
        }
        if (filter.artistId() != null) {
            where.append(" and s.artist_id = :artistId");
            params.put("artistId", filter.artistId());
        }
        return where.toString();
    }

    private static String having(Filter filter, Map<String, Object> params) {
        List<String> having = new ArrayList<>();
        if (filter.waitingOnUs()) {
            having.add("count(u.id) filter (where " + WAITS_ON_ARTIST_TEAM + ") > 0");
            params.put("onArtistTeam", statesWaitingOn(Party.from_us));
        }
        if (filter.changedAfterAgreement()) {
            having.add("count(u.id) filter (where " + CHANGED + ") > 0");
        }
        return having.isEmpty() ? "" : "having " + String.join(" and ", having);
    }

    private static Map<String, Object> progressParameters() {
        Map<String, Object> params = new HashMap<>();
        params.put("onArtistTeam", statesWaitingOn(Party.from_us));
        params.put("onPromoter", statesWaitingOn(Party.from_you));
        return params;
    }

    /** The states that wait on a party by themselves, as the enum says (never empty: each party has two). */
    private static List<String> statesWaitingOn(Party party) {
        return Arrays.stream(FieldAgreement.values())
                .filter(a -> a.waitsOn().equals(Optional.of(party)))
                .map(Enum::name)
                .toList();
    }

    private static void progressScalars(NativeQuery<?> query) {
        for (String column : PROGRESS_COLUMNS) {
            query.addScalar(column, Long.class);
        }
    }

    private static Progress progress(Object[] c, int first) {
        int[] n = new int[PROGRESS_COLUMNS.length];
        for (int i = 0; i < n.length; i++) {
            n[i] = Math.toIntExact((Long) c[first + i]);
        }
        return new Progress(n[0], n[1], n[2], n[3], n[4], n[5]);
    }
}
