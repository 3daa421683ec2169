package app.roadbook;

import app.roadbook.advancing.AdvancingBoard;
import app.roadbook.advancing.ui.AdvancingBoardView;
import app.roadbook.advancing.ui.MyShowsView;
import app.roadbook.advancing.ui.TemplatesView;
import app.roadbook.audit.ui.AuditView;
import app.roadbook.billing.BillingService;
import app.roadbook.billing.ui.BillingView;
import app.roadbook.billing.ui.PlatformBillingView;
import app.roadbook.calendar.ui.CalendarView;
import app.roadbook.contacts.ui.ContactsView;
import app.roadbook.crew.ui.CrewView;
import app.roadbook.files.ui.FilesView;
import app.roadbook.home.ui.HomeView;
import app.roadbook.invitations.ui.InvitationsView;
import app.roadbook.monitoring.ui.SlowQueriesView;
import app.roadbook.parsing.ui.InboxView;
import app.roadbook.schedule.ui.TourBookView;
import app.roadbook.shows.ui.ArtistsView;
import app.roadbook.shows.ui.ShowsView;
import app.roadbook.shows.ui.VenuesView;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrgSummary;
import app.roadbook.tenancy.OrgViews;
import app.roadbook.tenancy.OrganizationService;
import app.roadbook.tenancy.RoadbookUser;
import app.roadbook.tenancy.ui.AccountsView;
import app.roadbook.tenancy.ui.CreateOrganizationForm;
import app.roadbook.tenancy.ui.MembersView;
import app.roadbook.waitlist.ui.WaitlistView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** The frame around every signed-in view: brand, current organization with switcher, navigation, user menu. */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    final Span organizationName = new Span();
    final Select<OrgSummary> organizationSwitcher = new Select<>();
    final MenuBar userMenu = new MenuBar();
    final SideNavItem showsItem = new SideNavItem("Shows", ShowsView.class, VaadinIcon.CALENDAR.create());
    final SideNavItem advancingItem =
            new SideNavItem("Advancing", AdvancingBoardView.class, VaadinIcon.CLIPBOARD_CHECK.create());
    final SideNavItem venuesItem = new SideNavItem("Venues", VenuesView.class, VaadinIcon.BUILDING.create());
    final SideNavItem artistsItem = new SideNavItem("Artists", ArtistsView.class, VaadinIcon.MICROPHONE.create());
    final SideNavItem calendarItem = new SideNavItem("Calendar", CalendarView.class, VaadinIcon.CALENDAR_O.create());
    final SideNavItem tourBookItem = new SideNavItem("Tour book", TourBookView.class, VaadinIcon.BOOK.create());
    final SideNavItem contactsItem = new SideNavItem("Contacts", ContactsView.class, VaadinIcon.USERS.create());
    final SideNavItem crewItem = new SideNavItem("Crew", CrewView.class, VaadinIcon.GROUP.create());
    final SideNavItem filesItem = new SideNavItem("Files", FilesView.class, VaadinIcon.FOLDER_OPEN.create());
    final SideNavItem inboxItem = new SideNavItem("Inbox", InboxView.class, VaadinIcon.INBOX.create());
    final SideNavItem templatesItem =
            new SideNavItem("Advancing templates", TemplatesView.class, VaadinIcon.LIST.create());
    final SideNavItem invitationsItem =
            new SideNavItem("Invitations", InvitationsView.class, VaadinIcon.ENVELOPE.create());
    final SideNavItem myShowsItem = new SideNavItem("My shows", MyShowsView.class, VaadinIcon.TICKET.create());
    final SideNavItem billingItem = new SideNavItem("Billing", BillingView.class, VaadinIcon.CREDIT_CARD.create());
    final SideNavItem platformItem =
            new SideNavItem("Platform billing", PlatformBillingView.class, VaadinIcon.COG.create());
    final SideNavItem accountsItem = new SideNavItem("Accounts", AccountsView.class, VaadinIcon.USER_CARD.create());
    final SideNavItem slowQueriesItem =
            new SideNavItem("Slow queries", SlowQueriesView.class, VaadinIcon.TIMER.create());
    final SideNavItem waitlistItem =
            new SideNavItem("Waitlist", WaitlistView.class, VaadinIcon.CLIPBOARD_USER.create());
    final SideNavItem auditItem = new SideNavItem("Audit log", AuditView.class, VaadinIcon.RECORDS.create());
    final SideNavItem membersItem = new SideNavItem("Members", MembersView.class, VaadinIcon.GROUP.create());
    final Div lapseBanner = new Div();
    private final java.util.Map<SideNavItem, Class<? extends com.vaadin.flow.component.Component>> targets =
            java.util.Map.ofEntries(
                    java.util.Map.entry(showsItem, ShowsView.class),
                    java.util.Map.entry(advancingItem, AdvancingBoardView.class),
                    java.util.Map.entry(venuesItem, VenuesView.class),
                    java.util.Map.entry(artistsItem, ArtistsView.class),
                    java.util.Map.entry(contactsItem, ContactsView.class),
                    java.util.Map.entry(filesItem, FilesView.class),
                    java.util.Map.entry(inboxItem, InboxView.class),
                    java.util.Map.entry(tourBookItem, TourBookView.class),
                    java.util.Map.entry(crewItem, CrewView.class),
                    java.util.Map.entry(templatesItem, TemplatesView.class),
                    java.util.Map.entry(invitationsItem, InvitationsView.class),
                    java.util.Map.entry(billingItem, BillingView.class),
                    java.util.Map.entry(auditItem, AuditView.class),
                    java.util.Map.entry(membersItem, MembersView.class),
                    java.util.Map.entry(calendarItem, CalendarView.class));
    private final Div contentWrapper = new Div();
    private final BillingService billing;
    private final AdvancingBoard board;
    private final SideNavItem homeItem = new SideNavItem("Home", HomeView.class, VaadinIcon.HOME.create());

    private final OrganizationService organizations;
    private final CurrentOrganization currentOrganization;
    private final AuthenticationContext authentication;

    public MainLayout(
            OrganizationService organizations,
            CurrentOrganization currentOrganization,
            AuthenticationContext authentication,
            BillingService billing,
            AdvancingBoard board) {
        this.board = board;
        this.organizations = organizations;
        this.billing = billing;
        this.currentOrganization = currentOrganization;
        this.authentication = authentication;

        Span brand = new Span("Roadbook");
        brand.addClassName("brand");
        organizationName.addClassName("current-org");
        organizationSwitcher.setAriaLabel("Switch organization");
        organizationSwitcher.setItemLabelGenerator(OrgSummary::name);
        organizationSwitcher.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                currentOrganization.select(e.getValue().id());
                UI.getCurrent().refreshCurrentRoute(true);
            }
        });

        HorizontalLayout bar = new HorizontalLayout(brand, organizationName, organizationSwitcher, userMenu);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        bar.expand(organizationSwitcher);
        bar.addClassName("navbar");
        buildUserMenu();
        addToNavbar(new DrawerToggle(), bar);

        SideNav nav = new SideNav();
        nav.addItem(
                homeItem,
                showsItem,
                calendarItem,
                advancingItem,
                venuesItem,
                artistsItem,
                tourBookItem,
                contactsItem,
                crewItem,
                filesItem,
                inboxItem,
                templatesItem,
                invitationsItem,
                membersItem,
                myShowsItem,
                billingItem,
                auditItem,
                platformItem,
                accountsItem,
                slowQueriesItem,
                waitlistItem);
        addToDrawer(nav);
        platformItem.setVisible(authentication
                .getAuthenticatedUser(RoadbookUser.class)
                .map(RoadbookUser::isPlatformAdmin)
                .orElse(false));
        accountsItem.setVisible(platformItem.isVisible());
        slowQueriesItem.setVisible(platformItem.isVisible());
        waitlistItem.setVisible(platformItem.isVisible());
        lapseBanner.addClassName("lapse-banner");
        lapseBanner.setVisible(false);
        contentWrapper.addClassName("content-wrapper");
        setContent(contentWrapper);
    }

    private void buildUserMenu() {
        userMenu.addThemeVariants(MenuBarVariant.TERTIARY);
        String name = authentication
                .getAuthenticatedUser(RoadbookUser.class)
                .map(RoadbookUser::getDisplayName)
                .orElse("Account");
        MenuItem account = userMenu.addItem(name);
        account.getSubMenu().addItem("New organization…", e -> openCreateOrganization());
        account.getSubMenu().addItem("Sign out", e -> authentication.logout());
    }

    private void openCreateOrganization() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New organization");
        dialog.add(new CreateOrganizationForm(organizations, id -> {
            dialog.close();
            currentOrganization.select(id);
            UI.getCurrent().refreshCurrentRoute(true);
        }));
        dialog.open();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        List<OrgSummary> mine = currentOrganization.mine();
        OrgSummary current = currentOrganization.pick(mine).orElse(null);
        organizationName.setText(current == null ? "" : current.name());
        organizationName.setVisible(current != null && mine.size() == 1);
        organizationSwitcher.setItems(mine);
        organizationSwitcher.setValue(current);
        organizationSwitcher.setVisible(mine.size() > 1);
        // An organization's items show by the rule their views' routes follow (RequiresOrgPermission).
        for (SideNavItem orgItem : new SideNavItem[] {
            showsItem,
            calendarItem,
            advancingItem,
            venuesItem,
            artistsItem,
            tourBookItem,
            contactsItem,
            crewItem,
            filesItem,
            templatesItem,
            invitationsItem,
            billingItem,
            auditItem,
            membersItem
        }) {
            orgItem.setVisible(current != null && OrgViews.permits(targets.get(orgItem), current));
        }
        // A platform admin's menu holds the platform's pages; anyone else without an organization finds their shows
        // under My shows, and so does a member of an organization who also collaborates on another's shows.
        boolean platformAdmin = platformItem.isVisible();
        homeItem.setVisible(!platformAdmin || current != null);
        myShowsItem.setVisible(!platformAdmin && (current == null || board.collaboratesOnShows()));
        java.util.Optional<String> notice =
                current == null ? java.util.Optional.empty() : billing.lapseNotice(current.id());
        lapseBanner.setText(notice.orElse(""));
        lapseBanner.setVisible(notice.isPresent());
    }

    /** Every view sits below the read-only banner, which shows while the org has lapsed. */
    @Override
    public void showRouterLayoutContent(com.vaadin.flow.component.HasElement content) {
        contentWrapper.removeAll();
        contentWrapper.add(lapseBanner);
        contentWrapper.getElement().appendChild(content.getElement());
    }
}
