package app.roadbook.shows;

/** Input clean-up shared by the shows services. */
final class Inputs {

    private Inputs() {}

    /** Optional text: stripped, and nothing at all when blank. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
