package app.roadbook.waitlist.ui;

import app.roadbook.base.Refusal;
import app.roadbook.waitlist.Signup;
import app.roadbook.waitlist.WaitlistRole;
import app.roadbook.waitlist.WaitlistSignups;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The public sign-up for the waitlist, linked from the sign-in page. Everyone who sends a valid form sees the same
 * thank-you, whether their address was on the list already or not.
 */
@Route(value = "waitlist", autoLayout = false)
@PageTitle("Join the waitlist · Roadbook")
@AnonymousAllowed
public class JoinWaitlistView extends VerticalLayout {

    final TextField name = new TextField("Your name");
    final EmailField email = new EmailField("Email");
    final Select<WaitlistRole> role = new Select<>();
    final TextField company = new TextField("Company or act (optional)");
    final TextArea note = new TextArea("Anything we should know? (optional)");
    final Button join = new Button("Join the waitlist");
    final Div form = new Div();
    final Div thanks = new Div();
    final Paragraph problem = new Paragraph();

    private final Binder<Signup> binder = new Binder<>(Signup.class);
    private final WaitlistSignups signups;

    public JoinWaitlistView(WaitlistSignups signups) {
        this.signups = signups;
        addClassName("waitlist-view");
        setAlignItems(Alignment.CENTER);

        H1 brand = new H1("Roadbook");
        brand.addClassName("login-brand");

        name.setMaxLength(Signup.MAX_NAME);
        name.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NAME);
        email.setMaxLength(Signup.MAX_EMAIL);
        email.setHelperText("We write only to confirm, and to invite you when there is a place.");
        role.setLabel("What do you do?");
        role.setItems(WaitlistRole.values());
        role.setItemLabelGenerator(WaitlistRole::label);
        role.setPlaceholder("Choose one");
        company.setMaxLength(Signup.MAX_COMPANY);
        note.setMaxLength(Signup.MAX_NOTE);
        note.setHelperText("Up to " + Signup.MAX_NOTE + " characters: your tours, team size, what you need.");
        for (var field : new com.vaadin.flow.component.HasSize[] {name, email, role, company, note}) {
            field.setWidthFull();
        }
        binder.forField(name)
                .asRequired("Give your name.")
                .withValidator(new StringLengthValidator(
                        "Keep your name to " + Signup.MAX_NAME + " characters.", 1, Signup.MAX_NAME))
                .bind("name");
        binder.forField(email)
                .asRequired("Give your email address.")
                .withValidator(new EmailValidator("Give an email address like name@example.com."))
                .bind("email");
        binder.forField(role).asRequired("Say what you do.").bind("role");
        binder.forField(company).bind("company");
        binder.forField(note).bind("note");

        join.addThemeVariants(ButtonVariant.PRIMARY);
        join.setWidthFull();
        join.addClickShortcut(Key.ENTER);
        join.addClickListener(e -> join());
        problem.addClassName("waitlist-problem");
        problem.setVisible(false);

        form.addClassName("waitlist-form");
        form.add(
                new H2("Join the waitlist"),
                new Paragraph("Roadbook opens to touring teams a few at a time. Leave your details and we'll invite"
                        + " you to start your organization when there is a place."),
                name,
                email,
                role,
                company,
                note,
                problem,
                join,
                new Paragraph(new Anchor("login", "I have an account: sign in")));

        thanks.addClassName("waitlist-thanks");
        thanks.setVisible(false);

        add(brand, form, thanks);
    }

    private void join() {
        Signup signup;
        try {
            signup = binder.writeRecord();
        } catch (ValidationException invalid) {
            return;
        }
        try {
            VaadinRequest request = VaadinRequest.getCurrent();
            signups.signUp(signup, request == null ? null : request.getRemoteAddr());
        } catch (Refusal refused) {
            problem.setText(refused.getMessage());
            problem.setVisible(true);
            return;
        }
        form.setVisible(false);
        thanks.removeAll();
        thanks.add(
                new H2("Thank you, you're on the list"),
                new Paragraph(
                        "A confirmation is on its way to " + signup.email().strip()
                                + ". When a place opens, we'll email you an invitation to start your organization on"
                                + " Roadbook."),
                new Paragraph("No mail? Check your spam folder. There is no need to sign up again: we send the"
                        + " confirmation at most once a day."),
                new Paragraph(new Anchor("login", "Back to sign in")));
        thanks.setVisible(true);
    }
}
