package dev.spamward.greylist.check;

import dev.spamward.greylist.engine.Query;
import dev.spamward.greylist.state.AddressNormalizer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.apache.james.jspf.executor.SPFResult;
import org.apache.james.jspf.impl.DNSServiceXBillImpl;
import org.apache.james.jspf.impl.SPF;

/**
 * SPF (RFC 7208) with Apache jSPF over the same resolver: fail blocks with the SPF explanation (or adds
 * {@code failWeight} when that is not -1), softfail adds {@code softfailWeight}; pass, neutral, none and
 * errors add nothing. jSPF's API is blocking, so it runs on a virtual thread; the engine bounds the time.
 */
public final class SpfCheck implements Check {
    private final SPF spf;
    private final int softfailWeight;
    private final int failWeight;

    public SpfCheck(Dns dns, Duration timeout, int softfailWeight, int failWeight) {
        DNSServiceXBillImpl service = new DNSServiceXBillImpl(dns.resolver());
        service.setTimeOut((int) Math.max(1, timeout.toSeconds()));
        this.spf = new SPF(service);
        this.softfailWeight = softfailWeight;
        this.failWeight = failWeight;
    }

    @Override
    public String name() {
        return "spf";
    }

    @Override
    public boolean definitive() {
        return failWeight < 0;
    }

    @Override
    public CompletableFuture<CheckResult> run(Query q) {
        String sender = new AddressNormalizer(false).normalize(q.sender());
        String helo = q.heloName().strip();
        if (q.client() == null || (sender.isEmpty() && helo.isEmpty())) return CompletableFuture.completedFuture(CheckResult.NONE);
        CompletableFuture<CheckResult> f = new CompletableFuture<>();
        Thread.ofVirtual().name("spf").start(() -> {
            try {
                SPFResult r = spf.checkSPF(q.client().getHostAddress(), sender, helo.isEmpty() ? "unknown" : helo);
                f.complete(judge(r.getResult(), r.getExplanation()));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private CheckResult judge(String result, String explanation) {
        return switch (result == null ? "" : result.toLowerCase(Locale.ROOT)) {
            case "fail" -> failWeight < 0
                    ? CheckResult.block("spf:fail", explanation == null || explanation.isBlank() ? "SPF fail" : "SPF fail: " + explanation)
                    : CheckResult.suspicious("spf:fail", failWeight);
            case "softfail" -> CheckResult.suspicious("spf:softfail", softfailWeight);
            default -> CheckResult.NONE;
        };
    }
}
