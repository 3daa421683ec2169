package app.roadbook.contacts.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.contacts.ContactDirectory;
import app.roadbook.contacts.ContactDraft;
import app.roadbook.contacts.ContactRow;
import app.roadbook.contacts.ContactStatus;
import app.roadbook.contacts.ContactType;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@RoadbookTest
class ContactsViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ContactDirectory contacts;

    UUID org;

    @org.junit.jupiter.api.BeforeEach
    void aDirectoryOfItsOwn() {
        UUID owner = fixtures.user("Owner");
        org = fixtures.organization("Directory Touring", owner);
        fixtures.signIn(owner);
        for (int i = 1; i <= 30; i++) {
            contacts.create(
                    org,
                    new ContactDraft(
                            "Contact " + i,
                            Set.of(ContactType.vendor),
                            null,
                            null,
                            null,
                            null,
                            "Oslo",
                            "Norway",
                            null,
                            null,
                            ContactStatus.active));
        }
        contacts.create(
                org,
                new ContactDraft(
                        "Mads Kjær",
                        Set.of(ContactType.promoter),
                        "mads@vega.dk",
                        null,
                        "VEGA",
                        null,
                        "Copenhagen",
                        "Denmark",
                        null,
                        null,
                        ContactStatus.active));
        Fixtures.signOut();
    }

    private void signInAs(String role) {
        UUID member = fixtures.user(role);
        fixtures.member(org, member, role);
        fixtures.signIn(member);
    }

    @Test
    void anEditorSeesTheDirectoryWithChangeControlsAndSearches() {
        signInAs("editor");
        ContactsView view = navigate(ContactsView.class);
        assertThat(view.create.isVisible()).isTrue();
        assertThat(view.importCsv.isVisible()).isTrue();
        assertThat(test(view.grid).size()).isEqualTo(31);
        assertThat(view.count.getText()).isEqualTo("31 contacts");

        test(view.search).setValue("copenhagen");
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getRow(0).name()).isEqualTo("Mads Kjær");
        assertThat(view.count.getText()).isEqualTo("1 contact");

        test(view.search).setValue("no such contact anywhere");
        assertThat(view.grid.isVisible()).isFalse();
        assertThat(view.emptyState.getElement().getTextRecursively()).contains("No contact matches these filters");
    }

    @Test
    void aViewerReadsWithoutChangeControlsAndTheServiceRefusesChanges() {
        signInAs("viewer");
        ContactsView view = navigate(ContactsView.class);
        assertThat(view.create.isVisible()).isFalse();
        assertThat(view.importCsv.isVisible()).isFalse();
        ContactRow first = test(view.grid).getRow(0);

        ContactView detail = navigate(
                ContactView.class, java.util.Map.of("contactId", first.id().toString()));
        assertThat(detail.name.getText()).isEqualTo(first.name());
        assertThat(detail.edit.isVisible()).isFalse();
        assertThat(detail.merge.isVisible()).isFalse();
        assertThat(detail.delete.isVisible()).isFalse();

        assertThatThrownBy(() -> contacts.create(
                        org,
                        new ContactDraft(
                                "Sneaky",
                                Set.of(ContactType.vendor),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                ContactStatus.active)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anExternalCollaboratorHasNoRouteToContacts() {
        fixtures.signIn(fixtures.user("Promoter"));
        navigate("contacts", com.vaadin.flow.component.Component.class);
        assertThat($(ContactsView.class).exists()).isFalse();
    }

    @Test
    void aForeignContactIdLooksExactlyLikeAMissingOne() {
        UUID foreignContact =
                fixtures.owner().queryForObject("select id from contacts where org_id = ? limit 1", UUID.class, org);
        UUID stranger = fixtures.user("Stranger");
        fixtures.organization("Stranger Touring", stranger);
        fixtures.signIn(stranger);
        navigate("contacts/" + foreignContact, com.vaadin.flow.component.Component.class);
        assertThat($(ContactView.class).exists()).isFalse();
        String foreignPage = currentViewText();
        navigate("contacts/" + UUID.randomUUID(), com.vaadin.flow.component.Component.class);
        assertThat($(ContactView.class).exists()).isFalse();
        assertThat(currentViewText()).isEqualTo(foreignPage);
        navigate("contacts/not-a-uuid", com.vaadin.flow.component.Component.class);
        assertThat(currentViewText()).isEqualTo(foreignPage);
    }

    @Test
    void anEditorCreatesAContactAndADuplicateEmailOffersTheExistingOne() {
        UUID editor = fixtures.user("Editor");
        UUID org = fixtures.organization("View Co", editor);
        fixtures.signIn(editor);
        ContactsView view = navigate(ContactsView.class);
        assertThat(view.emptyState.getElement().getTextRecursively()).contains("No contacts yet");

        test(view.create).click();
        ContactEditor editor1 = $(ContactEditor.class).single();
        test(editor1.save).click();
        assertThat(editor1.form.name.isInvalid())
                .as("name required, next to the field")
                .isTrue();
        test(editor1.form.name).setValue("Lena Hoffmann");
        test(editor1.form.types).selectItem("Promoter");
        test(editor1.form.email).setValue("lena@trinity.de");
        test(editor1.save).click();
        ContactView detail = $(ContactView.class).single();
        assertThat(detail.name.getText()).isEqualTo("Lena Hoffmann");

        ContactsView again = navigate(ContactsView.class);
        test(again.create).click();
        ContactEditor editor2 = $(ContactEditor.class).single();
        test(editor2.form.name).setValue("Lena H.");
        test(editor2.form.types).selectItem("Agent");
        test(editor2.form.email).setValue("LENA@trinity.de");
        test(editor2.save).click();
        assertThat(editor2.form.email.getErrorMessage()).contains("already exists: Lena Hoffmann");
        assertThat($(ConfirmDialog.class).single().isOpened()).isTrue();
        assertThat(contacts.count(org, app.roadbook.contacts.ContactFilter.ALL)).isEqualTo(1);
    }

    /** The rendered view, by class and text (the UI element's own text leaves the view out). */
    private String currentViewText() {
        com.vaadin.flow.component.Component view = (com.vaadin.flow.component.Component) getCurrentView();
        return view.getClass().getSimpleName() + ": " + view.getElement().getTextRecursively();
    }
}
