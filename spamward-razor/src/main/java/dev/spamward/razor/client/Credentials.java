package dev.spamward.razor.client;

/**
 * A Razor account. {@link #toString()} never shows the password.
 *
 * @param user the user name
 * @param pass the password (the HMAC key of the login)
 */
public record Credentials(String user, String pass) {
    public Credentials {
        if (user == null || user.isBlank()) throw new IllegalArgumentException("empty Razor user");
        if (pass == null || pass.isBlank()) throw new IllegalArgumentException("empty Razor password");
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", pass=***]";
    }
}
