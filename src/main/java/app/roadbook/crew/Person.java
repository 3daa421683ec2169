package app.roadbook.crew;

import app.roadbook.base.OrgEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * A person of the organization's crew roster (table {@code people}). The legacy {@code member_type} column is left
 * alone: the roster does not use it. A person may be one of the organization's member accounts; the database (V4)
 * refuses a link to anyone who is not a member, and a member account is one person at most.
 */
@Entity
@Table(name = "people")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Person extends OrgEntity {

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "role_title")
    private String roleTitle;

    @Column(name = "email")
    private String email;

    @Column(name = "phone")
    private String phone;

    @Column(name = "notes")
    private String notes;

    @Column(name = "user_id")
    private UUID userId;

    /** Null until the first change (legacy rows have none); every change sets it. */
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    Person(UUID orgId, PersonDraft draft) {
        super(orgId);
        apply(draft);
    }

    void apply(PersonDraft d) {
        name = d.name().strip();
        roleTitle = CrewRules.clean(d.roleTitle());
        email = CrewRules.clean(d.email());
        phone = CrewRules.clean(d.phone());
        notes = CrewRules.clean(d.notes());
        userId = d.userId();
    }

    void touch(OffsetDateTime now) {
        updatedAt = now;
    }

    public PersonDraft toDraft() {
        return new PersonDraft(name, roleTitle, email, phone, notes, userId);
    }
}
