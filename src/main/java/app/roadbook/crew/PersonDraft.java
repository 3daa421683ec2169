package app.roadbook.crew;

import java.util.UUID;

/** What a person of the roster is made of, as the form and the CSV import fill it in. */
public record PersonDraft(String name, String roleTitle, String email, String phone, String notes, UUID userId) {

    public static PersonDraft empty() {
        return new PersonDraft("", null, null, null, null, null);
    }
}
