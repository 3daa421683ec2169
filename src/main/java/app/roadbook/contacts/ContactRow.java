package app.roadbook.contacts;

import java.util.List;
import java.util.UUID;

/** A row of the directory grid. */
public record ContactRow(
        UUID id,
        String name,
        List<ContactType> types,
        String company,
        String city,
        String country,
        String email,
        String phone,
        ContactStatus status) {

    public String location() {
        if (city == null || city.isBlank()) {
            return country == null ? "" : country;
        }
        return country == null || country.isBlank() ? city : city + ", " + country;
    }
}
