package app.roadbook.advancing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.advancing.AdvancingTemplate.Field;
import app.roadbook.advancing.AdvancingTemplate.FieldType;
import app.roadbook.base.Refusal;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgAccess;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@RoadbookTest
class AdvancingTemplatesTest {

    @Autowired
    AdvancingTemplates templates;

    @Autowired
    AdvancingExchange exchange;

    @Autowired
    Fixtures fixtures;

    UUID owner, admin, editor, viewer, org, outsider, otherOrg;

    @BeforeEach
    void anOrgWithEveryRole() {
        owner = fixtures.user("Owner");
        admin = fixtures.user("Admin");
        editor = fixtures.user("Editor");
        viewer = fixtures.user("Viewer");
        org = fixtures.organization("Template Co", owner);
        fixtures.member(org, admin, "admin");
        fixtures.member(org, editor, "editor");
        fixtures.member(org, viewer, "viewer");
        outsider = fixtures.user("Outsider");
        otherOrg = fixtures.organization("Other Co", outsider);
    }

    private static List<Field> club() {
        return List.of(
                new Field(" Schedule ", "Doors", FieldType.time), new Field("Hospitality", " Drinks ", FieldType.text));
    }

    @Test
    void ownersAndAdminsKeepTemplatesEveryMemberReadsThem() {
        for (UUID refused : List.of(editor, viewer)) {
            fixtures.signIn(refused);
            assertThatThrownBy(() -> templates.save(org, null, "Club", club()))
                    .isInstanceOf(AccessDeniedException.class);
        }
        fixtures.signIn(admin);
        UUID club = templates.save(org, null, "  Club  ", club());
        fixtures.signIn(owner);
        templates.save(org, null, "arena", List.of(new Field("Production", "Rigging", FieldType.textarea)));

        fixtures.signIn(viewer);
        List<AdvancingTemplate> all = templates.list(org);
        assertThat(all).extracting(AdvancingTemplate::name).containsExactly("Standard show advance", "arena", "Club");
        assertThat(all.get(2).id()).isEqualTo(club);
        assertThat(all.get(2).fields())
                .containsExactly(
                        new Field("Schedule", "Doors", FieldType.time),
                        new Field("Hospitality", "Drinks", FieldType.text));
        assertThat(fixtures.owner()
                        .queryForList(
                                "select action from activity_log where org_id = ? and resource_id = ?",
                                String.class,
                                org,
                                club))
                .containsExactly("advancing_template.saved");

        fixtures.signIn(outsider);
        assertThatThrownBy(() -> templates.list(org)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> templates.save(org, null, "Mine now", club()))
                .isInstanceOf(OrgAccess.NotFoundException.class);
    }

    @Test
    void savingAgainChangesTheTemplateInPlace() {
        fixtures.signIn(owner);
        UUID id = templates.save(org, null, "Club", club());
        assertThat(templates.save(org, id, "Club night", List.of(new Field("Schedule", "Curfew", FieldType.time))))
                .isEqualTo(id);
        assertThat(templates.list(org)).hasSize(2).last().satisfies(t -> {
            assertThat(t.name()).isEqualTo("Club night");
            assertThat(t.fields()).extracting(Field::name).containsExactly("Curfew");
        });
        assertThat(fixtures.owner()
                        .queryForObject("select version from advancing_templates where id = ?", Integer.class, id))
                .isOne();
    }

    @Test
    void anotherOrgsOrAMissingTemplateLooksMissing() {
        fixtures.signIn(outsider);
        UUID foreign = templates.save(otherOrg, null, "Theirs", club());
        fixtures.signIn(owner);
        for (UUID id : List.of(foreign, UUID.randomUUID())) {
            assertThatThrownBy(() -> templates.save(org, id, "Stolen", club()))
                    .isInstanceOf(OrgAccess.NotFoundException.class)
                    .hasMessage("No such template.");
        }
        UUID show = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date) values (?, '2027-01-01') returning id", UUID.class, org);
        assertThatThrownBy(() -> exchange.createSession(org, show, "From theirs", null, foreign))
                .isInstanceOf(OrgAccess.NotFoundException.class)
                .hasMessage("No such template.");
        assertThat(fixtures.owner()
                        .queryForObject("select name from advancing_templates where id = ?", String.class, foreign))
                .isEqualTo("Theirs");
    }

    @Test
    void aTemplateNeedsANameAndOneToTwoHundredCompleteFields() {
        fixtures.signIn(owner);
        assertThatThrownBy(() -> templates.save(org, null, " ", club()))
                .isInstanceOf(Refusal.class)
                .hasMessage("Give the template a name of up to 120 characters.");
        String fields = "A template needs 1 to 200 fields, each with a section, a name and a type.";
        assertThatThrownBy(() -> templates.save(org, null, "Empty", List.of())).hasMessage(fields);
        assertThatThrownBy(() ->
                        templates.save(org, null, "Nameless", List.of(new Field("Schedule", " ", FieldType.time))))
                .hasMessage(fields);
        assertThatThrownBy(() -> templates.save(org, null, "Untyped", List.of(new Field("Schedule", "Doors", null))))
                .hasMessage(fields);
        assertThat(templates.list(org)).hasSize(1);
    }
}
