package dev.spamward.pyzor.client;

import dev.spamward.pyzor.account.PyzorServer;
import dev.spamward.pyzor.protocol.PyRepr;
import dev.spamward.pyzor.protocol.PyzorResponse;

/** What one server did with one request: it answered (with any code), or the exchange failed. */
public sealed interface ServerOutcome {

    /** The server asked. */
    PyzorServer server();

    /** True when the server answered 200. */
    boolean ok();

    /** The status as pyzor's CLI shows it: {@code (200, 'OK')} or {@code (504, 'Reading response timed-out.')}. */
    String headTuple();

    /** One line for people and logs: what happened and, for errors, what it means. */
    String describe();

    /**
     * The server answered.
     *
     * @param server   the server
     * @param response the validated reply
     */
    record Answered(PyzorServer server, PyzorResponse response) implements ServerOutcome {
        @Override
        public boolean ok() {
            return response.ok();
        }

        @Override
        public String headTuple() {
            return response.headTuple();
        }

        @Override
        public String describe() {
            if (response.ok()) return server + ": OK";
            return server + ": " + response.code() + " " + meaning(response.code()) + " (server said: " + response.diag() + ")";
        }

        /** What a Pyzor status code means for the user. */
        static String meaning(int code) {
            return switch (code) {
                case 400 -> "bad request";
                case 401 -> "unauthorized: unknown user, wrong key, or clock more than 5 minutes off";
                case 403 -> "forbidden: this account may not do this operation (anonymous may not whitelist)";
                case 500 -> "server error";
                case 501 -> "operation not implemented by the server";
                case 505 -> "protocol version not supported by the server";
                default -> "error";
            };
        }
    }

    /**
     * No usable reply.
     *
     * @param server  the server
     * @param kind    why
     * @param message details
     */
    record Failed(PyzorServer server, Failure kind, String message) implements ServerOutcome {
        @Override
        public boolean ok() {
            return false;
        }

        @Override
        public String headTuple() {
            return "(" + kind.code + ", " + PyRepr.str(message) + ")";
        }

        @Override
        public String describe() {
            return server + ": " + kind.label + ": " + message;
        }
    }

    /** Kinds of failed exchanges, with the pseudo-codes pyzor's CLI prints for them. */
    enum Failure {
        /** No reply within the timeout (after the retries). */
        TIMEOUT(504, "timeout"),
        /** Name resolution, socket or ICMP error. */
        NETWORK(400, "network error"),
        /** A reply that breaks the protocol. */
        PROTOCOL(400, "protocol error");

        final int code;
        final String label;

        Failure(int code, String label) {
            this.code = code;
            this.label = label;
        }
    }
}
