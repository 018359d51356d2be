package dev.spamward.greylist.check;

import dev.spamward.greylist.engine.Query;
import dev.spamward.greylist.state.AddressNormalizer;
import dev.spamward.greylist.state.IpMask;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Static whitelists, checked before anything else: client networks (CIDR), client host names (suffix or
 * /regex/), sender and recipient patterns, and the shipped list of large sender pools
 * ({@code big-pools.txt}). Host names are only the verified names Postfix or the MTA give; a forged HELO
 * never whitelists.
 */
public final class Whitelist {
    private final List<Cidr> networks = new ArrayList<>();
    private final List<String> nameSuffixes = new ArrayList<>();
    private final List<Pattern> nameRegexes = new ArrayList<>();
    private final List<AddressPattern> senders;
    private final List<AddressPattern> recipients;
    private final AddressNormalizer norm = new AddressNormalizer(true);

    /** An IPv4/IPv6 network. */
    record Cidr(byte[] net, int prefix) {
        static Cidr parse(String spec) {
            int slash = spec.indexOf('/');
            InetAddress a = IpMask.parse(slash < 0 ? spec : spec.substring(0, slash));
            if (a == null) throw new IllegalArgumentException("not an address or network: " + spec);
            int max = a.getAddress().length * 8;
            int prefix = max;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(spec.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > max) throw new IllegalArgumentException("bad prefix length in " + spec);
            }
            return new Cidr(mask(a.getAddress(), prefix), prefix);
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            return b.length == net.length && java.util.Arrays.equals(mask(b, prefix), net);
        }

        private static byte[] mask(byte[] in, int prefix) {
            byte[] out = in.clone();
            for (int i = 0; i < out.length; i++) {
                int keep = Math.max(0, Math.min(8, prefix - 8 * i));
                out[i] &= (byte) (keep == 0 ? 0 : 0xff << (8 - keep));
            }
            return out;
        }
    }

    /**
     * Builds the whitelist; throws {@link IllegalArgumentException} for a bad entry.
     *
     * @param clients     addresses and CIDR networks
     * @param clientNames host names (matching the name and its subdomains) or /regex/
     * @param senders     user@domain, @domain (and subdomains), user@, or /regex/
     * @param recipients  the same forms
     * @param pools       whether to include the shipped big-pool list
     */
    public Whitelist(List<String> clients, List<String> clientNames, List<String> senders, List<String> recipients, boolean pools) {
        for (String c : clients) networks.add(Cidr.parse(c.strip()));
        for (String n : clientNames) addName(n.strip());
        if (pools) loadPools();
        this.senders = senders.stream().map(AddressPattern::parse).toList();
        this.recipients = recipients.stream().map(AddressPattern::parse).toList();
    }

    private void addName(String n) {
        Pattern p = regexOrNull(n);
        if (p != null) nameRegexes.add(p);
        else nameSuffixes.add(n.toLowerCase(Locale.ROOT).replaceAll("^\\.+|\\.+$", ""));
    }

    private static Pattern regexOrNull(String s) {
        if (s.length() >= 2 && s.startsWith("/") && s.endsWith("/")) {
            try {
                return Pattern.compile(s.substring(1, s.length() - 1), Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("bad regular expression " + s + ": " + e.getDescription());
            }
        }
        return null;
    }

    private void loadPools() {
        try (InputStream in = Whitelist.class.getResourceAsStream("big-pools.txt")) {
            if (in == null) throw new IllegalStateException("big-pools.txt missing from the jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                if (line.startsWith("/") || IpMask.parse(line.split("/")[0]) == null) addName(line);
                else networks.add(Cidr.parse(line));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read big-pools.txt", e);
        }
    }

    /** The reason the query is whitelisted ({@code client}, {@code client_name}, ...), or null. */
    public String match(Query q) {
        InetAddress client = q.client();
        if (client != null) {
            for (Cidr c : networks) if (c.contains(client)) return "client";
        }
        String name = q.knownClientName().toLowerCase(Locale.ROOT);
        if (!name.isEmpty()) {
            if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
            for (String s : nameSuffixes) if (name.equals(s) || name.endsWith("." + s)) return "client_name";
            for (Pattern p : nameRegexes) if (p.matcher(name).find()) return "client_name";
        }
        if (matchesAddress(senders, norm.normalize(q.sender()))) return "sender";
        if (matchesAddress(recipients, norm.normalize(q.recipient()))) return "recipient";
        return null;
    }

    static boolean matchesAddress(List<AddressPattern> patterns, String addr) {
        if (patterns.isEmpty() || addr.isEmpty()) return false;
        String domain = AddressNormalizer.domain(addr);
        for (AddressPattern p : patterns) if (p.matches(addr, domain)) return true;
        return false;
    }

    /** A sender/recipient pattern: /regex/, user@domain, user@, @domain (and subdomains) or domain. */
    record AddressPattern(Pattern regex, String text) {
        static AddressPattern parse(String spec) {
            String s = spec.strip();
            return new AddressPattern(regexOrNull(s), s.toLowerCase(Locale.ROOT));
        }

        boolean matches(String addr, String domain) {
            if (regex != null) return regex.matcher(addr).find();
            if (text.startsWith("@")) {
                String d = text.substring(1);
                return domain.equals(d) || domain.endsWith("." + d);
            }
            if (text.endsWith("@")) return addr.startsWith(text);
            if (text.contains("@")) return addr.equals(text);
            return domain.equals(text) || domain.endsWith("." + text);
        }
    }
}
