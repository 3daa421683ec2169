package app.roadbook.contacts;

import app.roadbook.base.OrgEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** An external contact: promoter, agent, manager or vendor. */
@Entity
@Table(name = "contacts")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Contact extends OrgEntity {

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "email", columnDefinition = "citext")
    private String email;

    @Column(name = "phone")
    private String phone;

    @Column(name = "company")
    private String company;

    @Column(name = "role_title")
    private String roleTitle;

    @Column(name = "city")
    private String city;

    @Column(name = "country")
    private String country;

    @Column(name = "commission_rate")
    private BigDecimal commissionRate;

    @Column(name = "notes")
    private String notes;

    /** A text column with a CHECK constraint (V2), not a PostgreSQL enum. */
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ContactStatus status;

    /** Whoever the database sees acting (decision 0014): the database fills it in, never the application. */
    @Generated(event = EventType.INSERT, sql = "current_app_user_id()")
    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    /** The database's default on insert; every change sets it, which also makes every change bump the version. */
    @Column(name = "updated_at", nullable = false, insertable = false)
    private OffsetDateTime updatedAt;

    @OneToMany(mappedBy = "contact", cascade = CascadeType.ALL, orphanRemoval = true)
    @Getter(AccessLevel.NONE)
    private List<ContactTypeEntry> typeEntries = new ArrayList<>();

    /** With its id from the start, so its type rows carry it before anything is flushed. */
    Contact(UUID orgId, ContactDraft draft) {
        super(orgId);
        apply(draft);
    }

    /** Takes over the draft's facts, cleaned as {@link ContactRules#clean} says, and exactly its types. */
    void apply(ContactDraft d) {
        name = d.name().strip();
        email = ContactRules.clean(d.email());
        phone = ContactRules.clean(d.phone());
        company = ContactRules.clean(d.company());
        roleTitle = ContactRules.clean(d.roleTitle());
        city = ContactRules.clean(d.city());
        country = ContactRules.clean(d.country());
        commissionRate = d.commissionRate();
        notes = ContactRules.clean(d.notes());
        status = d.status();
        typeEntries.removeIf(entry -> !d.types().contains(entry.type()));
        addTypes(d.types());
    }

    void addTypes(Collection<ContactType> types) {
        Set<ContactType> present = types();
        for (ContactType type : types) {
            if (present.add(type)) {
                typeEntries.add(new ContactTypeEntry(this, type));
            }
        }
    }

    /**
     * Takes in what a merged contact brings: its types, any fact missing here, its notes after ours; active if either
     * was. (The other contact must be gone first: its email may move here, and emails are unique in an org.)
     */
    void absorb(Contact other, OffsetDateTime now) {
        addTypes(other.types());
        email = email != null ? email : other.email;
        phone = phone != null ? phone : other.phone;
        company = company != null ? company : other.company;
        roleTitle = roleTitle != null ? roleTitle : other.roleTitle;
        city = city != null ? city : other.city;
        country = country != null ? country : other.country;
        commissionRate = commissionRate != null ? commissionRate : other.commissionRate;
        notes = joinNotes(notes, other.notes);
        if (other.status == ContactStatus.active) {
            status = ContactStatus.active;
        }
        touch(now);
    }

    void touch(OffsetDateTime now) {
        updatedAt = now;
    }

    public Set<ContactType> types() {
        return typeEntries.stream()
                .map(ContactTypeEntry::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ContactType.class)));
    }

    public ContactDraft toDraft() {
        return new ContactDraft(
                name, types(), email, phone, company, roleTitle, city, country, commissionRate, notes, status);
    }

    /** Both notes, a blank line apart; null when neither has any (SQL's nullif(concat_ws(E'\n\n', a, b), '')). */
    static String joinNotes(String first, String second) {
        String joined = Stream.of(first, second).filter(Objects::nonNull).collect(Collectors.joining("\n\n"));
        return joined.isEmpty() ? null : joined;
    }
}
