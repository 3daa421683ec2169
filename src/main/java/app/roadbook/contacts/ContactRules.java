package app.roadbook.contacts;

import app.roadbook.base.TextInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The rules a contact must follow, shared by the form, the service and the CSV import. */
public final class ContactRules {

    public static final int MAX_NAME = 200;
    public static final int MAX_TEXT = 200;
    public static final int MAX_NOTES = 5000;
    public static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private ContactRules() {}

    /** Every rule the draft breaks, as sentences a person understands; empty when it is fine. */
    public static List<String> problems(ContactDraft d) {
        List<String> problems = new ArrayList<>();
        if (d.name() == null || d.name().isBlank()) {
            problems.add("Name is required.");
        }
        if (d.types() == null || d.types().isEmpty()) {
            problems.add("Choose at least one type (promoter, agent, manager or vendor).");
        }
        if (d.email() != null
                && !d.email().isBlank()
                && (d.email().strip().length() > 254
                        || !EMAIL.matcher(d.email().strip()).matches())) {
            problems.add(TextInput.quotable(d.email().strip()) + " is not an email address.");
        }
        if (d.commissionRate() != null) {
            if (d.commissionRate().compareTo(BigDecimal.ZERO) < 0
                    || d.commissionRate().compareTo(HUNDRED) > 0) {
                problems.add("Commission rate must be between 0 and 100.");
            } else if (d.commissionRate().stripTrailingZeros().scale() > 2) {
                problems.add("Commission rate takes at most two decimals.");
            }
        }
        for (String[] field : new String[][] {
            {"Name", d.name()},
            {"Phone", d.phone()},
            {"Company", d.company()},
            {"Role", d.roleTitle()},
            {"City", d.city()},
            {"Country", d.country()},
            {"Email", d.email()}
        }) {
            int max = "Name".equals(field[0]) ? MAX_NAME : MAX_TEXT;
            TextInput.singleLineProblem(field[0], field[1] == null ? null : field[1].strip(), max)
                    .ifPresent(problems::add);
        }
        TextInput.multiLineProblem("Notes", d.notes(), MAX_NOTES).ifPresent(problems::add);
        return problems;
    }

    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
