package dev.spamward.pyzor.account;

import java.util.Objects;

/**
 * A Pyzor account: the user name and the key that signs requests. The salt only matters to whoever
 * derived the key from a passphrase; it never leaves the client.
 *
 * @param user the user name known to the server
 * @param salt the salt (hex), possibly empty
 * @param key  the key (hex) registered with the server operator
 */
public record PyzorAccount(String user, String salt, String key) {
    /** The anonymous account every client has. */
    public static final PyzorAccount ANONYMOUS = new PyzorAccount("anonymous", "", "");

    public PyzorAccount {
        Objects.requireNonNull(user);
        Objects.requireNonNull(salt);
        Objects.requireNonNull(key);
    }

    /** True for the built-in anonymous account. */
    public boolean anonymous() {
        return user.equals(ANONYMOUS.user) && key.isEmpty();
    }

    @Override
    public String toString() {
        return "PyzorAccount[" + user + "]"; // never print the key
    }
}
