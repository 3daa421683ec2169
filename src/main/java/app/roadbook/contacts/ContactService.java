package app.roadbook.contacts;

import app.roadbook.base.TextInput;
import app.roadbook.base.ActivityLog;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.tenancy.OrgAccess;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The contacts directory of an organization: promoters, agents, managers and vendors in one place.
 * Members read; owners, admins and editors change (checked here and by RLS underneath).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ContactService {

    /** Columns the grid may sort by, and what they sort on. */
    static final Map<String, String> SORTABLE = Map.of(
            "name", "lower(c.name)", "company", "lower(c.company)", "city", "lower(c.city)",
            "email", "c.email", "status", "c.status");

    private final JdbcTemplate jdbc;
    private final OrgAccess access;
    private final ActivityLog activity;

    ContactService(DataSource dataSource, OrgAccess access, ActivityLog activity) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.access = access;
        this.activity = activity;
    }

    /** Whether the acting user may change this org's contacts: the database's own answer. */
    @Transactional(readOnly = true)
    public boolean canEdit(UUID orgId) {
        return access.canEdit(orgId);
    }

    // Reading -------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<ContactRow> list(UUID orgId, ContactFilter filter, Pageable page) {
        access.requireMember(orgId);
        List<Object> args = new ArrayList<>();
        String where = where(orgId, filter, args);
        StringBuilder sql = new StringBuilder("""
                select c.id, c.name, c.company, c.city, c.country, c.email::text as email, c.phone, c.status,
                       array(select t.type::text from contact_types t where t.contact_id = c.id order by t.type) as types
                from contacts c where\s""").append(where).append(" order by ").append(orderBy(page.getSort()));
        if (page.isPaged()) {
            sql.append(" limit ? offset ?");
            args.add(page.getPageSize());
            args.add(page.getOffset());
        }
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    @Transactional(readOnly = true)
    public int count(UUID orgId, ContactFilter filter) {
        access.requireMember(orgId);
        List<Object> args = new ArrayList<>();
        String where = where(orgId, filter, args);
        return jdbc.queryForObject("select count(*) from contacts c where " + where, Integer.class, args.toArray());
    }

    /** The full facts of every contact matching the filter, in directory order (for export). */
    @Transactional(readOnly = true)
    public List<ContactDraft> drafts(UUID orgId, ContactFilter filter) {
        access.requireMember(orgId);
        List<Object> args = new ArrayList<>();
        String where = where(orgId, filter, args);
        return jdbc.query("""
                select c.*, c.email::text as email_text,
                       array(select t.type::text from contact_types t where t.contact_id = c.id order by t.type) as types
                from contacts c where\s""" + where + " order by lower(c.name), c.id", (rs, i) -> draft(rs), args.toArray());
    }

    private static ContactDraft draft(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ContactDraft(rs.getString("name"), types(rs.getArray("types")), rs.getString("email_text"),
                rs.getString("phone"), rs.getString("company"), rs.getString("role_title"), rs.getString("city"),
                rs.getString("country"), rs.getBigDecimal("commission_rate"), rs.getString("notes"),
                ContactStatus.valueOf(rs.getString("status")));
    }

    @Transactional(readOnly = true)
    public ContactDetails get(UUID orgId, UUID contactId) {
        access.requireMember(orgId);
        List<ContactDetails> found = jdbc.query("""
                select c.*, c.email::text as email_text,
                       array(select t.type::text from contact_types t where t.contact_id = c.id order by t.type) as types
                from contacts c where c.org_id = ? and c.id = ?""", (rs, i) -> new ContactDetails(
                rs.getObject("id", UUID.class), rs.getInt("version"), draft(rs),
                venueLinks(orgId, contactId), commissions(orgId, contactId)), orgId, contactId);
        return found.stream().findFirst().orElseThrow(() -> new OrgAccess.NotFoundException("No such contact."));
    }

    @Transactional(readOnly = true)
    public Optional<ContactRow> findByEmail(UUID orgId, String email) {
        access.requireMember(orgId);
        return jdbc.query("""
                select c.id, c.name, c.company, c.city, c.country, c.email::text as email, c.phone, c.status,
                       array(select t.type::text from contact_types t where t.contact_id = c.id order by t.type) as types
                from contacts c where c.org_id = ? and c.email = ?::citext""", ROW, orgId, email.strip()).stream().findFirst();
    }

    /** The org's venues, for linking. */
    @Transactional(readOnly = true)
    public List<VenueOption> venues(UUID orgId) {
        access.requireMember(orgId);
        return jdbc.query("select id, name, city from venues where org_id = ? order by lower(name)",
                (rs, i) -> new VenueOption(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)), orgId);
    }

    /** The org's shows, for assigning a commission. */
    @Transactional(readOnly = true)
    public List<ShowOption> shows(UUID orgId) {
        access.requireMember(orgId);
        return jdbc.query("select id, date, coalesce(title, '') from shows where org_id = ? order by date desc",
                (rs, i) -> new ShowOption(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getString(3)), orgId);
    }

    public record VenueOption(UUID id, String name, String city) {
        public String label() {
            return city == null ? name : name + " (" + city + ")";
        }
    }

    public record ShowOption(UUID id, LocalDate date, String title) {
        public String label() {
            return title.isBlank() ? date.toString() : date + " · " + title;
        }
    }

    // Changing ------------------------------------------------------------------------------------

    @Transactional
    public UUID create(UUID orgId, ContactDraft draft) {
        access.requireEditor(orgId);
        requireValid(draft);
        rejectDuplicateEmail(orgId, draft.email(), null);
        UUID id;
        try {
            id = jdbc.queryForObject("""
                    insert into contacts (org_id, name, email, phone, company, role_title, city, country, commission_rate,
                                          notes, status, created_by)
                    values (?, ?, ?::citext, ?, ?, ?, ?, ?, ?, ?, ?, current_app_user_id()) returning id""", UUID.class,
                    orgId, draft.name().strip(), ContactRules.clean(draft.email()), ContactRules.clean(draft.phone()),
                    ContactRules.clean(draft.company()), ContactRules.clean(draft.roleTitle()), ContactRules.clean(draft.city()),
                    ContactRules.clean(draft.country()), draft.commissionRate(), ContactRules.clean(draft.notes()),
                    draft.status().name());
        } catch (DuplicateKeyException race) {
            rejectDuplicateEmail(orgId, draft.email(), null);
            throw race;
        }
        writeTypes(orgId, id, draft.types());
        activity.record(orgId, "general", "contact.created", "contact", id, Map.of("name", draft.name().strip()));
        return id;
    }

    /** Saves a changed contact if nobody else saved it since {@code version} was read. */
    @Transactional
    public void update(UUID orgId, UUID contactId, int version, ContactDraft draft) {
        access.requireEditor(orgId);
        requireValid(draft);
        rejectDuplicateEmail(orgId, draft.email(), contactId);
        int updated = jdbc.update("""
                update contacts set name = ?, email = ?::citext, phone = ?, company = ?, role_title = ?, city = ?,
                       country = ?, commission_rate = ?, notes = ?, status = ?, updated_at = now(), version = version + 1
                where org_id = ? and id = ? and version = ?""",
                draft.name().strip(), ContactRules.clean(draft.email()), ContactRules.clean(draft.phone()),
                ContactRules.clean(draft.company()), ContactRules.clean(draft.roleTitle()), ContactRules.clean(draft.city()),
                ContactRules.clean(draft.country()), draft.commissionRate(), ContactRules.clean(draft.notes()),
                draft.status().name(), orgId, contactId, version);
        if (updated == 0) {
            if (exists(orgId, contactId)) {
                throw new ConcurrentChangeException();
            }
            throw new OrgAccess.NotFoundException("No such contact.");
        }
        jdbc.update("delete from contact_types where contact_id = ?", contactId);
        writeTypes(orgId, contactId, draft.types());
        activity.record(orgId, "general", "contact.updated", "contact", contactId, Map.of("name", draft.name().strip()));
    }

    /** Deletes a contact with its commissions and venue links (the confirmation says so). */
    @Transactional
    public void delete(UUID orgId, UUID contactId) {
        access.requireEditor(orgId);
        Map<String, Object> counts = jdbc.queryForMap("""
                select (select name from contacts where org_id = ? and id = ?) as name,
                       (select count(*) from contact_commissions where contact_id = ?) as commissions,
                       (select count(*) from venue_contacts where contact_id = ?) as venues""", orgId, contactId, contactId, contactId);
        if (counts.get("name") == null || jdbc.update("delete from contacts where org_id = ? and id = ?", orgId, contactId) == 0) {
            throw new OrgAccess.NotFoundException("No such contact.");
        }
        activity.record(orgId, "general", "contact.deleted", "contact", contactId, counts);
    }

    /** What deleting would take with it, for the confirmation dialog. */
    @Transactional(readOnly = true)
    public DeletionImpact deletionImpact(UUID orgId, UUID contactId) {
        access.requireMember(orgId);
        return jdbc.queryForObject("""
                select (select count(*) from contact_commissions where org_id = ? and contact_id = ?),
                       (select count(*) from venue_contacts where org_id = ? and contact_id = ?)""",
                (rs, i) -> new DeletionImpact(rs.getInt(1), rs.getInt(2)), orgId, contactId, orgId, contactId);
    }

    public record DeletionImpact(int commissions, int venueLinks) {
    }

    /**
     * Merges {@code otherId} into {@code keepId}: every type, venue link and commission moves over, empty
     * fields are filled from the other contact, notes are combined; the other contact is deleted.
     */
    @Transactional
    public void merge(UUID orgId, UUID keepId, UUID otherId) {
        access.requireEditor(orgId);
        if (keepId.equals(otherId)) {
            throw new IllegalArgumentException("Choose two different contacts to merge.");
        }
        if (!exists(orgId, keepId) || !exists(orgId, otherId)) {
            throw new OrgAccess.NotFoundException("No such contact.");
        }
        Map<String, Object> other = jdbc.queryForMap("select *, email::text as email_text from contacts where id = ?", otherId);
        jdbc.update("""
                insert into contact_types (contact_id, org_id, type)
                select ?, org_id, type from contact_types where contact_id = ? on conflict do nothing""", keepId, otherId);
        jdbc.update("""
                update venue_contacts k set is_primary = k.is_primary or o.is_primary,
                       notes = nullif(concat_ws(E'\\n\\n', k.notes, o.notes), '')
                from venue_contacts o where k.contact_id = ? and o.contact_id = ? and o.venue_id = k.venue_id""", keepId, otherId);
        jdbc.update("""
                update venue_contacts set contact_id = ? where contact_id = ?
                  and venue_id not in (select venue_id from venue_contacts where contact_id = ?)""", keepId, otherId, keepId);
        jdbc.update("update contact_commissions set contact_id = ?, updated_at = now() where contact_id = ?", keepId, otherId);
        jdbc.update("delete from contacts where id = ?", otherId);
        jdbc.update("""
                update contacts set email = coalesce(email, ?::citext), phone = coalesce(phone, ?::text),
                       company = coalesce(company, ?::text), role_title = coalesce(role_title, ?::text),
                       city = coalesce(city, ?::text), country = coalesce(country, ?::text),
                       commission_rate = coalesce(commission_rate, ?::numeric),
                       notes = nullif(concat_ws(E'\\n\\n', notes, ?::text), ''),
                       status = case when status = 'active' or ?::text = 'active' then 'active' else status end,
                       updated_at = now(), version = version + 1
                where id = ?""", other.get("email_text"), other.get("phone"), other.get("company"), other.get("role_title"),
                other.get("city"), other.get("country"), other.get("commission_rate"), other.get("notes"), other.get("status"), keepId);
        activity.record(orgId, "general", "contact.merged", "contact", keepId,
                Map.of("merged_contact_id", otherId.toString(), "merged_name", String.valueOf(other.get("name"))));
    }

    // Venue links and commissions -------------------------------------------------------------------

    @Transactional
    public void linkVenue(UUID orgId, UUID contactId, UUID venueId, boolean primary) {
        access.requireEditor(orgId);
        requireInOrg(orgId, "venues", venueId);
        requireInOrg(orgId, "contacts", contactId);
        if (primary) {
            jdbc.update("update venue_contacts set is_primary = false where venue_id = ? and org_id = ?", venueId, orgId);
        }
        jdbc.update("""
                insert into venue_contacts (org_id, venue_id, contact_id, is_primary, created_by)
                values (?, ?, ?, ?, current_app_user_id())
                on conflict (venue_id, contact_id) do update set is_primary = excluded.is_primary""", orgId, venueId, contactId, primary);
        activity.record(orgId, "general", "contact.venue_linked", "contact", contactId, Map.of("venue_id", venueId.toString(), "primary", primary));
    }

    @Transactional
    public void unlinkVenue(UUID orgId, UUID contactId, UUID venueId) {
        access.requireEditor(orgId);
        jdbc.update("delete from venue_contacts where org_id = ? and contact_id = ? and venue_id = ?", orgId, contactId, venueId);
        activity.record(orgId, "general", "contact.venue_unlinked", "contact", contactId, Map.of("venue_id", venueId.toString()));
    }

    @Transactional
    public UUID addCommission(UUID orgId, UUID contactId, CommissionDraft c) {
        access.requireEditor(orgId);
        requireInOrg(orgId, "contacts", contactId);
        if (c.showId() != null) {
            requireInOrg(orgId, "shows", c.showId());
        }
        c.validate();
        UUID id = jdbc.queryForObject("""
                insert into contact_commissions (org_id, contact_id, show_id, amount, currency, description, status, paid_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", UUID.class, orgId, contactId, c.showId(), c.amount(),
                c.currency(), ContactRules.clean(c.description()), c.status(), c.paidOn() == null ? null : Date.valueOf(c.paidOn()));
        activity.record(orgId, "general", "commission.created", "contact", contactId,
                Map.of("commission_id", id.toString(), "amount", c.amount().toPlainString(), "currency", c.currency()));
        return id;
    }

    @Transactional
    public void setCommissionStatus(UUID orgId, UUID commissionId, String status, LocalDate paidOn) {
        access.requireEditor(orgId);
        new CommissionDraft(null, BigDecimal.ONE, "USD", status, paidOn, null).validate();
        int n = jdbc.update("""
                update contact_commissions set status = ?, paid_at = ?, updated_at = now(), version = version + 1
                where org_id = ? and id = ?""", status, "paid".equals(status) ? Date.valueOf(paidOn == null ? LocalDate.now() : paidOn) : null,
                orgId, commissionId);
        if (n == 0) {
            throw new OrgAccess.NotFoundException("No such commission.");
        }
        activity.record(orgId, "general", "commission.status_changed", "commission", commissionId, Map.of("status", status));
    }

    public record CommissionDraft(UUID showId, BigDecimal amount, String currency, String status, LocalDate paidOn,
                                  String description) {
        static final Set<String> STATUSES = Set.of("pending", "paid", "cancelled");

        void validate() {
            TextInput.requireMultiLine("The description", description, 1000);
            if (amount == null || amount.signum() < 0 || amount.compareTo(new BigDecimal("99999999.99")) > 0) {
                throw new IllegalArgumentException("Enter an amount between 0 and 99,999,999.99.");
            }
            if (amount.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("Amounts take at most two decimals.");
            }
            if (currency == null || !currency.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("Currency is a three-letter code such as USD or EUR.");
            }
            if (!STATUSES.contains(status)) {
                throw new IllegalArgumentException("Status is pending, paid or cancelled.");
            }
            if (description != null && description.length() > ContactRules.MAX_TEXT) {
                throw new IllegalArgumentException("Keep the description to " + ContactRules.MAX_TEXT + " characters.");
            }
        }
    }

    // Helpers ---------------------------------------------------------------------------------------

    private void requireValid(ContactDraft draft) {
        List<String> problems = ContactRules.problems(draft);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
    }

    private void rejectDuplicateEmail(UUID orgId, String email, UUID exceptId) {
        String clean = ContactRules.clean(email);
        if (clean == null) {
            return;
        }
        jdbc.query("select id, name from contacts where org_id = ? and email = ?::citext", rs -> {
            UUID id = rs.getObject(1, UUID.class);
            if (!id.equals(exceptId)) {
                throw new DuplicateContactException(id, rs.getString(2), clean);
            }
        }, orgId, clean);
    }

    private void writeTypes(UUID orgId, UUID contactId, Set<ContactType> types) {
        jdbc.batchUpdate("insert into contact_types (contact_id, org_id, type) values (?, ?, ?::contact_type)",
                types.stream().map(t -> new Object[]{contactId, orgId, t.name()}).toList());
    }

    private boolean exists(UUID orgId, UUID contactId) {
        return access.belongsTo("contacts", orgId, contactId);
    }

    private void requireInOrg(UUID orgId, String table, UUID id) {
        if (!access.belongsTo(table, orgId, id)) {
            throw new OrgAccess.NotFoundException("Not found.");
        }
    }

    private List<ContactDetails.VenueLink> venueLinks(UUID orgId, UUID contactId) {
        return jdbc.query("""
                select l.id, v.id, v.name, v.city, l.is_primary, l.notes from venue_contacts l join venues v on v.id = l.venue_id
                where l.org_id = ? and l.contact_id = ? order by l.is_primary desc, lower(v.name)""",
                (rs, i) -> new ContactDetails.VenueLink(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getString(6)), orgId, contactId);
    }

    private List<ContactDetails.Commission> commissions(UUID orgId, UUID contactId) {
        return jdbc.query("""
                select c.id, c.show_id, s.date, s.title, c.amount, c.currency, c.status, c.paid_at, c.description
                from contact_commissions c left join shows s on s.id = c.show_id
                where c.org_id = ? and c.contact_id = ? order by c.created_at desc, c.id""",
                (rs, i) -> new ContactDetails.Commission(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3) == null ? "—" : rs.getObject(3, LocalDate.class) + (rs.getString(4) == null ? "" : " · " + rs.getString(4)),
                        rs.getBigDecimal(5), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toLocalDateTime().toLocalDate(), rs.getString(9)),
                orgId, contactId);
    }

    private static String where(UUID orgId, ContactFilter filter, List<Object> args) {
        StringBuilder where = new StringBuilder("c.org_id = ?");
        args.add(orgId);
        if (filter.search() != null && !filter.search().isBlank()) {
            TextInput.requireSingleLine("The search", filter.search(), 200);
            where.append(" and contact_search_text(c.name, c.company, c.email, c.city) like ? escape '\\'");
            args.add("%" + TextInput.likeLiteral(filter.search().toLowerCase()) + "%");
        }
        if (filter.types() != null && !filter.types().isEmpty()) {
            where.append(" and exists (select 1 from contact_types t where t.contact_id = c.id and t.type::text = any (?))");
            args.add(filter.types().stream().map(Enum::name).toArray(String[]::new));
        }
        if (filter.status() != null) {
            where.append(" and c.status = ?");
            args.add(filter.status().name());
        }
        return where.toString();
    }

    private static String orderBy(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order order : sort) {
            String column = SORTABLE.get(order.getProperty());
            if (column != null) {
                parts.add(column + (order.isAscending() ? " asc nulls last" : " desc nulls last"));
            }
        }
        parts.add("lower(c.name)");
        parts.add("c.id");
        return String.join(", ", parts);
    }

    private static final RowMapper<ContactRow> ROW = (rs, i) -> new ContactRow(rs.getObject("id", UUID.class),
            rs.getString("name"), List.copyOf(types(rs.getArray("types"))), rs.getString("company"), rs.getString("city"),
            rs.getString("country"), rs.getString("email"), rs.getString("phone"), ContactStatus.valueOf(rs.getString("status")));

    private static Set<ContactType> types(Array array) throws java.sql.SQLException {
        return Arrays.stream((String[]) array.getArray()).map(ContactType::valueOf)
                .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(ContactType.class)));
    }
}
