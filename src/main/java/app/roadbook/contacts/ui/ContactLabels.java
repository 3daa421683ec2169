package app.roadbook.contacts.ui;

import app.roadbook.contacts.ContactType;
import java.util.Collection;
import java.util.stream.Collectors;

final class ContactLabels {

    private ContactLabels() {}

    static String type(ContactType type) {
        return Character.toUpperCase(type.name().charAt(0)) + type.name().substring(1);
    }

    static String types(Collection<ContactType> types) {
        return types.stream().map(ContactLabels::type).collect(Collectors.joining(", "));
    }
}
