package app.roadbook.tenancy.ui;

import app.roadbook.tenancy.ActingUser;
import app.roadbook.tenancy.PlatformAccounts;
import app.roadbook.tenancy.PlatformAccounts.AccountRow;
import app.roadbook.tenancy.RoadbookUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.AccessDeniedException;

/** Platform admins disable accounts (a departed employee, a compromised login) and enable them again. */
@Route("admin/accounts")
@PageTitle("Accounts · Roadbook")
@RolesAllowed(RoadbookUser.ROLE_PLATFORM_ADMIN)
public class AccountsView extends VerticalLayout {

    final TextField search = new TextField();
    final Grid<AccountRow> grid = new Grid<>();
    private final PlatformAccounts accounts;

    public AccountsView(PlatformAccounts accounts) {
        this.accounts = accounts;
        search.setPlaceholder("Search email or name");
        search.setMaxLength(200);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        grid.addColumn(AccountRow::email).setHeader("Email").setFlexGrow(2);
        grid.addColumn(AccountRow::displayName).setHeader("Name");
        grid.addColumn(a -> a.platformAdmin() ? "Platform admin" : "").setHeader("Kind");
        grid.addColumn(a -> a.disabled() ? "Disabled " + a.disabledAt().toLocalDate() : "Active")
                .setHeader("Status");
        grid.addComponentColumn(this::toggle).setAutoWidth(true);
        grid.setItems(
                query -> accounts
                        .find(
                                search.getValue(),
                                org.springframework.data.domain.PageRequest.of(query.getPage(), query.getPageSize()))
                        .stream(),
                query -> (int) accounts.count(search.getValue()));
        grid.setEmptyStateText("No account matches this search.");
        add(
                new H2("Accounts"),
                new Paragraph("Disabling an account ends its open sessions within a minute and refuses "
                        + "its sign-ins; its data and memberships stay."),
                search,
                grid);
        setSizeFull();
    }

    private Component toggle(AccountRow account) {
        Button button = new Button(account.disabled() ? "Enable" : "Disable", e -> {
            try {
                accounts.setDisabled(account.id(), !account.disabled());
                Notification.show(account.email() + (account.disabled() ? " can sign in again." : " is disabled."))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (AccessDeniedException refused) {
                Notification.show(refused.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            grid.getDataProvider().refreshAll();
        });
        button.setAriaLabel((account.disabled() ? "Enable " : "Disable ") + account.email());
        // The same rule as set_account_disabled: anyone but yourself.
        boolean self = ActingUser.id().filter(account.id()::equals).isPresent();
        return self ? new Span() : button;
    }
}
