package dev.spamward.bench.razor;

import dev.spamward.razor.sig.Signer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end comparison in one run: Spamward's signer in-process against the real agents, both
 * {@code razor-check -H} started once per message (how a filter calls it) and the Perl Razor2 library signing
 * all messages in one warm process. Prints messages per second for each.
 *
 * <p>Run from the repository root: {@code java -cp spamward-bench/target/benchmarks.jar
 * dev.spamward.bench.razor.RazorVersusAgent [rounds]}. Needs the Debian package {@code razor}.
 */
public final class RazorVersusAgent {
    private RazorVersusAgent() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<Path> files = RazorMessages.files();
        List<byte[]> messages = RazorMessages.load();
        Signer signer = new Signer();
        for (int w = 0; w < 20; w++) for (byte[] m : messages) signer.sign(m, "7542-10");
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        long sink = 0;
        for (int r = 0; r < rounds; r++) for (byte[] m : messages) sink += signer.sign(m, "7542-10").parts().size();
        double java = rounds * messages.size() / ((System.nanoTime() - t0) / 1e9);
        double javaCpu = rounds * messages.size() / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);

        Path home = Files.createTempDirectory("razor-bench");
        for (String l : List.of("catalogue", "nomination", "discovery")) {
            Files.writeString(home.resolve("servers." + l + ".lst"), "127.0.0.1\n"); // -H never connects
        }
        List<Path> sample = files.subList(0, Math.min(60, files.size()));
        long t1 = System.nanoTime();
        for (Path f : sample) {
            Process p = new ProcessBuilder("razor-check", "-home=" + home, "-logfile=" + home.resolve("log"), "-H",
                    f.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException("razor-check hung");
        }
        double perProcess = sample.size() / ((System.nanoTime() - t1) / 1e9);

        Path script = home.resolve("sign.pl");
        Files.writeString(script, """
                use Razor2::Client::Agent; use Time::HiRes qw(time);
                my $rounds = shift @ARGV; my @m;
                for my $f (@ARGV) { local $/; open my $h, '<', $f or die; binmode $h; push @m, scalar <$h>; }
                my $rc = Razor2::Client::Agent->new('razor-check');
                $rc->{opt} = { foreground => 1, razorhome => $ENV{RAZOR_BENCH_HOME} };
                $rc->do_conf; $rc->get_server_info;
                my $t = time; my $c = (times)[0]; my $n = 0;
                for (1..$rounds) { for my $msg (@m) { my $o = $rc->prepare_objects([\\$msg]); $rc->compute_sigs($o); $n++; } }
                printf "%.1f %.1f\\n", $n / (time - $t), $n / ((times)[0] - $c);
                """);
        List<String> cmd = new ArrayList<>(List.of("perl", script.toString(), "2"));
        for (Path f : files) cmd.add(f.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("RAZOR_BENCH_HOME", home.toString());
        Process perl = pb.start();
        String[] perlRates = (new String(perl.getInputStream().readAllBytes()).strip() + " ").split(" ");
        perl.waitFor(300, TimeUnit.SECONDS);
        String perlRate = perlRates[0];
        String perlCpu = perlRates.length > 1 ? perlRates[1] : "?";

        System.out.printf("messages: %d (sink %d)%n", messages.size(), sink);
        System.out.printf("spamward in-process, 1 thread:        %10.1f msg/s (CPU time: %.1f msg/s)%n", java, javaCpu);
        System.out.printf("razor-check -H, one process/message:  %10.1f msg/s (%d messages)%n", perProcess, sample.size());
        System.out.printf("Perl Razor2 library, warm process:    %10s msg/s (CPU time: %s msg/s)%n", perlRate, perlCpu);
        System.out.printf("ratio spamward / razor-check -H:      %10.0fx%n", java / perProcess);
        if (!perlCpu.equals("?")) System.out.printf("ratio spamward / Perl library (CPU):  %10.1fx%n", javaCpu / Double.parseDouble(perlCpu));
    }
}
