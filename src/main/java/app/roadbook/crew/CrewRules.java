package app.roadbook.crew;

import app.roadbook.base.TextInput;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The rules a person of the roster and a duty follow, shared by the form, the service and the CSV import. */
public final class CrewRules {

    public static final int MAX_NAME = 200;
    public static final int MAX_TEXT = 200;
    public static final int MAX_DUTY = 100;
    public static final int MAX_NOTES = 5000;
    public static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private CrewRules() {}

    /** Every rule the draft breaks, as sentences a person understands; empty when it is fine. */
    public static List<String> problems(PersonDraft d) {
        List<String> problems = new ArrayList<>();
        if (d.name() == null || d.name().isBlank()) {
            problems.add("Name is required.");
        }
        if (d.email() != null
                && !d.email().isBlank()
                && (d.email().strip().length() > 254
                        || !EMAIL.matcher(d.email().strip()).matches())) {
            problems.add(TextInput.quotable(d.email().strip()) + " is not an email address.");
        }
        for (String[] field :
                new String[][] {{"Name", d.name()}, {"Role", d.roleTitle()}, {"Email", d.email()}, {"Phone", d.phone()}
                }) {
            int max = "Name".equals(field[0]) ? MAX_NAME : MAX_TEXT;
            TextInput.singleLineProblem(field[0], field[1] == null ? null : field[1].strip(), max)
                    .ifPresent(problems::add);
        }
        TextInput.multiLineProblem("Notes", d.notes(), MAX_NOTES).ifPresent(problems::add);
        return problems;
    }

    /** The duty as stored: trimmed, null when blank; refused when it is not one short line. */
    static String duty(String duty) {
        String clean = clean(duty);
        if (clean != null) {
            TextInput.requireSingleLine("The duty", clean, MAX_DUTY);
        }
        return clean;
    }

    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
