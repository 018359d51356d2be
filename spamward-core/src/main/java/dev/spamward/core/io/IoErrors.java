package dev.spamward.core.io;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Short descriptions of file and connection errors for messages to people. The JDK's messages are uneven: an
 * unreadable file gives an {@link AccessDeniedException} whose message is only the path, reading a directory
 * "Is a directory", a refused HTTP connection a {@link ConnectException} without any message; commands say
 * {@code PATH: reason} in lower case instead, the path once.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** {@code path: reason} when the error names its file, else the reason alone. */
    public static String describe(IOException e) {
        return e instanceof FileSystemException f && f.getFile() != null ? describe(f.getFile(), e) : reason(e);
    }

    /** {@code name: reason}, e.g. {@code /var/mail/x: permission denied}. */
    public static String describe(String name, IOException e) {
        return name + ": " + reason(e);
    }

    /** Why the operation failed, without the path: "no such file or directory", "permission denied", ... */
    public static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> "no such file or directory";
            case AccessDeniedException x -> "permission denied";
            case NotDirectoryException x -> "not a directory";
            case FileAlreadyExistsException x -> "already exists (and is not a directory)";
            case FileSystemException x when x.getReason() != null -> lowerFirst(x.getReason());
            case FileSystemException x -> "cannot be accessed";
            case HttpConnectTimeoutException x -> "connection timed out";
            case HttpTimeoutException x -> "no answer in time";
            case ConnectException x -> "connection refused";
            case SocketTimeoutException x -> "no answer in time";
            case UnknownHostException x -> "unknown host" + (x.getMessage() == null ? "" : " " + x.getMessage());
            default -> e.getMessage() == null || e.getMessage().isBlank() ? "read error (" + e.getClass().getSimpleName() + ")"
                    : lowerFirst(e.getMessage());
        };
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))) {
            return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
        }
        return s;
    }
}
