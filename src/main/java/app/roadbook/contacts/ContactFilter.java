package app.roadbook.contacts;

import java.util.Set;

/** What the directory shows: free-text search over name, company, email and city; types; status. */
public record ContactFilter(String search, Set<ContactType> types, ContactStatus status) {

    public static final ContactFilter ALL = new ContactFilter("", Set.of(), null);

    public boolean isEmpty() {
        return (search == null || search.isBlank()) && (types == null || types.isEmpty()) && status == null;
    }
}
