package app.roadbook.parsing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link Catalog} from JSON, for the command line and the evaluation: {@code {"venues": [{"id", "name", "city",
 * "countryCode"}], "artists": [{"id", "name"}], "contacts": [{"id", "name", "company", "email", "phone"}]}}. Every key
 * is optional; an entry without an id gets one derived from its name, so the same file always gives the same ids.
 */
public final class CatalogFile {

    private CatalogFile() {}

    public static Catalog parse(String json) {
        JsonNode root = JsonMapper.builder().build().readTree(json);
        List<Catalog.Venue> venues = new ArrayList<>();
        for (JsonNode v : root.path("venues")) {
            venues.add(new Catalog.Venue(id(v, "venue"), text(v, "name"), text(v, "city"), text(v, "countryCode")));
        }
        List<Catalog.Artist> artists = new ArrayList<>();
        for (JsonNode a : root.path("artists")) {
            artists.add(new Catalog.Artist(id(a, "artist"), text(a, "name")));
        }
        List<Catalog.Contact> contacts = new ArrayList<>();
        for (JsonNode c : root.path("contacts")) {
            contacts.add(new Catalog.Contact(
                    id(c, "contact"), text(c, "name"), text(c, "company"), text(c, "email"), text(c, "phone")));
        }
        return new Catalog(venues, artists, contacts);
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static UUID id(JsonNode node, String kind) {
        String id = text(node, "id");
        if (id != null) {
            return UUID.fromString(id);
        }
        String seed = kind + ":" + text(node, "name") + ":" + text(node, "email");
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }
}
