package app.roadbook.contacts;

import java.math.BigDecimal;
import java.util.Set;

/** The editable facts of a contact, as the form and the CSV import hand them to the service. */
public record ContactDraft(
        String name,
        Set<ContactType> types,
        String email,
        String phone,
        String company,
        String roleTitle,
        String city,
        String country,
        BigDecimal commissionRate,
        String notes,
        ContactStatus status) {

    public ContactDraft withRate(String rate) {
        return new ContactDraft(
                name,
                types,
                email,
                phone,
                company,
                roleTitle,
                city,
                country,
                rate == null ? null : new BigDecimal(rate),
                notes,
                status);
    }

    public static ContactDraft empty() {
        return new ContactDraft("", Set.of(), null, null, null, null, null, null, null, null, ContactStatus.active);
    }
}
