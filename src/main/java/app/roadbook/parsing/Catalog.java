package app.roadbook.parsing;

import java.util.List;
import java.util.UUID;

/**
 * What an organization already knows, for matching extracted names: its venues (with city and country code), artists
 * and contacts (with company and e-mail). Plain data, so extraction needs no database and the evaluation can run on a
 * fixed catalog.
 */
public record Catalog(List<Venue> venues, List<Artist> artists, List<Contact> contacts) {

    public record Venue(UUID id, String name, String city, String countryCode) {}

    public record Artist(UUID id, String name) {}

    public record Contact(UUID id, String name, String company, String email, String phone) {}

    public Catalog {
        venues = List.copyOf(venues);
        artists = List.copyOf(artists);
        contacts = List.copyOf(contacts);
    }

    public static Catalog empty() {
        return new Catalog(List.of(), List.of(), List.of());
    }
}
