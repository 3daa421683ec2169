package app.roadbook.shows.ui;

import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.shows.ArtistService;
import app.roadbook.shows.ShowRecords.ArtistRow;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.RequiresOrgPermission;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.PermitAll;
import java.util.UUID;

/** The artists the organization manages; the plan limits how many. Archived artists show on request. */
@Route("artists")
@PageTitle("Artists · Roadbook")
@PermitAll
@RequiresOrgPermission(OrgPermission.READ_DATA)
public class ArtistsView extends VerticalLayout implements BeforeEnterObserver {

    final Grid<ArtistRow> grid = new Grid<>();
    final TextField name = new TextField();
    final Button add = new Button("Add artist");
    final Checkbox showArchived = new Checkbox("Show archived");
    private final HorizontalLayout form;
    private final ArtistService artists;
    private final CurrentOrganization currentOrganization;
    private UUID orgId;
    private boolean canEdit;

    public ArtistsView(ArtistService artists, CurrentOrganization currentOrganization) {
        this.artists = artists;
        this.currentOrganization = currentOrganization;
        grid.addColumn(a -> a.archived() ? a.name() + " (archived)" : a.name())
                .setHeader("Name")
                .setFlexGrow(3);
        grid.addColumn(ArtistRow::shows).setHeader("Shows");
        grid.addComponentColumn(a -> {
                    HorizontalLayout actions = new HorizontalLayout();
                    if (!canEdit) {
                        return actions;
                    }
                    Button archive = a.archived()
                            ? new Button(
                                    "Restore",
                                    e -> Changes.attempt(
                                            () -> artists.restoreArtist(orgId, a.id()),
                                            () -> grid.getDataProvider().refreshAll()))
                            : new Button(
                                    "Archive",
                                    e -> Changes.confirmFirst(
                                            "Archive artist " + a.name() + "?",
                                            "They leave the artist pickers and this list (tick Show archived to see"
                                                    + " them); their shows, files and history stay. You can restore"
                                                    + " them at any time.",
                                            "Archive artist",
                                            () -> Changes.attempt(
                                                    () -> artists.archiveArtist(orgId, a.id()),
                                                    () -> grid.getDataProvider().refreshAll())));
                    archive.setAriaLabel((a.archived() ? "Restore artist " : "Archive artist ") + a.name());
                    Button delete = new Button(
                            "Delete",
                            e -> Changes.confirmFirst(
                                    "Delete artist " + a.name() + "?",
                                    "The artist goes from the list; their shows stay, without an artist. This cannot be undone.",
                                    "Delete artist",
                                    () -> Changes.attempt(
                                            () -> artists.deleteArtist(orgId, a.id()),
                                            () -> grid.getDataProvider().refreshAll())));
                    delete.setAriaLabel("Delete artist " + a.name());
                    actions.add(archive, delete);
                    return actions;
                })
                .setAutoWidth(true);
        showArchived.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        name.setPlaceholder("Artist name");
        name.setMaxLength(200);
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.addClickListener(e -> {
            try {
                artists.createArtist(orgId, name.getValue());
                name.clear();
                name.setInvalid(false);
                grid.getDataProvider().refreshAll();
            } catch (Refusal refused) {
                name.setErrorMessage(refused.getMessage());
                name.setInvalid(true);
            }
        });
        form = new HorizontalLayout(name, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Artists"), form, showArchived, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        orgId = currentOrganization.get().orElseThrow(NotFoundException::new).id();
        canEdit = artists.canEdit(orgId);
        form.setVisible(canEdit);
        add.setVisible(form.isVisible());
        grid.setItems(
                q ->
                        artists
                                .artists(orgId, showArchived.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(q))
                                .stream(),
                q -> artists.countArtists(orgId, showArchived.getValue()));
    }
}
