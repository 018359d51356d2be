package dev.spamward.greylist;

import dev.spamward.core.config.Config;
import dev.spamward.greylist.engine.Result;
import dev.spamward.greylist.engine.Verdict;

/**
 * Renders verdicts as each protocol's answer, from the configured templates ({@code %reason%} is
 * replaced; control characters in reasons are replaced by spaces so an answer is always one line).
 *
 * @param policyOk     policy answer for TRUST/MATCH ({@code action=DUNNO})
 * @param policyGrey   policy template for GREY
 * @param policyBlock  policy template for BLOCK
 * @param policyError  policy answer for ERROR (fail open)
 * @param prepend      whether MATCH answers {@code action=PREPEND X-Greylist: ...}
 * @param sjsmsGrey    sjsms GREY template
 * @param sjsmsMatch   sjsms MATCH text
 * @param sjsmsTrust   sjsms TRUST text
 * @param sjsmsBlock   sjsms BLOCK template
 * @param milterGrey   milter SMTP code + enhanced code for GREY ({@code 452 4.4.3})
 * @param milterBlock  milter code for BLOCK ({@code 550 5.7.1})
 */
public record Answers(String policyOk, String policyGrey, String policyBlock, String policyError, boolean prepend,
                      String sjsmsGrey, String sjsmsMatch, String sjsmsTrust, String sjsmsBlock,
                      String milterGrey, String milterBlock) {

    /** The answers configured in {@code c}. */
    public static Answers from(Config c) {
        return new Answers(c.get(GreylistSettings.POSTFIX_RESPONSE_OK), c.get(GreylistSettings.POSTFIX_RESPONSE_GREY),
                c.get(GreylistSettings.POSTFIX_RESPONSE_BLOCK), c.get(GreylistSettings.POSTFIX_RESPONSE_ERROR),
                c.get(GreylistSettings.PREPEND_HEADER), c.get(GreylistSettings.SJSMS_RESPONSE_GREY),
                c.get(GreylistSettings.SJSMS_RESPONSE_MATCH), c.get(GreylistSettings.SJSMS_RESPONSE_TRUST),
                c.get(GreylistSettings.SJSMS_RESPONSE_BLOCK), c.get(GreylistSettings.MILTER_REPLY_GREY),
                c.get(GreylistSettings.MILTER_REPLY_BLOCK));
    }

    /** Defaults as in {@link GreylistSettings} (tests, CLI). */
    public static Answers defaults() {
        return new Answers("action=DUNNO", "action=DEFER_IF_PERMIT %reason%", "action=REJECT %reason%", "action=DUNNO",
                false, "$X4.4.3|$N%reason%", "$Y", "$Y", "$N%reason%", "452 4.4.3", "550 5.7.1");
    }

    /** The policy answer line (without the terminating empty line). */
    public String policy(Verdict v) {
        return switch (v.result()) {
            case GREY -> fill(policyGrey, v.reason());
            case BLOCK -> fill(policyBlock, v.reason());
            case MATCH -> prepend ? "action=PREPEND X-Greylist: passed greylisting by spamward" : policyOk;
            case TRUST -> policyOk;
            case ERROR -> policyError;
        };
    }

    /** The sjsms reply datagram text. */
    public String sjsms(Verdict v) {
        String sj = clean(v.reason()).replace(" ", "$ ");
        return switch (v.result()) {
            case TRUST -> "T " + sjsmsTrust;
            case MATCH -> "M " + sjsmsMatch;
            case GREY -> "G " + sjsmsGrey.replace("%reason%", sj);
            case BLOCK -> "B " + sjsmsBlock.replace("%reason%", sj);
            case ERROR -> "F";
        };
    }

    /** The milter reply text for GREY/BLOCK: {@code "452 4.4.3 Please try again later"}; null otherwise. */
    public String milterReply(Verdict v) {
        if (v.result() == Result.GREY) return milterGrey + " " + clean(v.reason());
        if (v.result() == Result.BLOCK) return milterBlock + " " + clean(v.reason());
        return null;
    }

    private static String fill(String template, String reason) {
        return clean(template.replace("%reason%", clean(reason)));
    }

    /** One printable line, at most 400 characters (an SMTP reply line has room for about 500). */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 400));
        for (int i = 0; i < s.length() && sb.length() < 400; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        return sb.toString().strip();
    }
}
