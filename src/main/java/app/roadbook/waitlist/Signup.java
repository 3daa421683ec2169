package app.roadbook.waitlist;

/** What the public sign-up form sends; public because the form's Binder makes it. */
public record Signup(String name, String email, WaitlistRole role, String company, String note) {

    public static final int MAX_NAME = 120;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_COMPANY = 120;
    public static final int MAX_NOTE = 1000;
}
