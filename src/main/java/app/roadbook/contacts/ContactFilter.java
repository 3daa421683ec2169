package app.roadbook.contacts;

import java.util.Set;

/**
 * What the directory shows: free-text search over name, company, email and city; types; status. A search of
 * {@link #SUBSTRING_MINIMUM} or more characters matches anywhere in those four; a shorter one matches the start of
 * a name or an email (a term under three characters has no trigrams for the search index, decision 0018).
 */
public record ContactFilter(String search, Set<ContactType> types, ContactStatus status) {

    public static final ContactFilter ALL = new ContactFilter("", Set.of(), null);

    /** The shortest search that matches anywhere rather than at the start of a name or an email. */
    public static final int SUBSTRING_MINIMUM = 3;

    /** Whether the search is one or two characters, and so matches the start of a name or an email only. */
    public boolean searchesByPrefix() {
        if (search == null || search.isBlank()) {
            return false;
        }
        String term = search.strip();
        return term.codePointCount(0, term.length()) < SUBSTRING_MINIMUM;
    }

    public boolean isEmpty() {
        return (search == null || search.isBlank()) && (types == null || types.isEmpty()) && status == null;
    }
}
