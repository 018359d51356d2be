package dev.spamward.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;

class SpecsTest {

    /** A command built in code, as check and pass are. */
    static final class Probe implements Callable<Integer>, CodedSubcommand {
        boolean flag;
        Path file;
        List<String> names = List.of();
        List<String> sets = new ArrayList<>();
        int calls;

        @Override
        public CommandSpec spec() {
            CommandSpec spec = Specs.command(this, "probe", "A probe.");
            spec.addOption(Specs.flag(v -> flag = v, "A flag.", "-f", "--flag"));
            spec.addOption(Specs.option(Path.class, "FILE", v -> file = v, "A file.", "--file").build());
            spec.addOption(Specs.repeated("KEY=VALUE", "Repeatable.", v -> sets = v, "-o").scopeType(ScopeType.INHERIT).build());
            spec.addPositional(Specs.strings("NAME", "0..*", v -> names = v, "Names."));
            return spec;
        }

        @Override
        public Integer call() {
            calls++;
            return 7;
        }
    }

    private static int run(Probe p, StringWriter out, String... args) {
        CommandLine cl = new CommandLine(Specs.model(p));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        return cl.execute(args);
    }

    @Test
    void optionsFlagsRepeatedOptionsAndPositionalsReachTheFields() {
        Probe p = new Probe();
        assertThat(run(p, new StringWriter(), "-f", "--file", "/tmp/x", "-o", "a=1", "-o", "b=2", "one", "two")).isEqualTo(7);
        assertThat(p.calls).isOne();
        assertThat(p.flag).isTrue();
        assertThat(p.file).isEqualTo(Path.of("/tmp/x"));
        assertThat(p.sets).containsExactly("a=1", "b=2");
        assertThat(p.names).containsExactly("one", "two");
    }

    @Test
    void anInheritedRepeatableOptionAddsUpBeforeAndAfterTheSubcommand() {
        Probe root = new Probe();
        CommandSpec rootSpec = root.spec();
        Probe sub = new Probe();
        CommandSpec subSpec = Specs.command(sub, "sub", "A subcommand.");
        rootSpec.addSubcommand("sub", subSpec);
        CommandLine cl = new CommandLine(rootSpec);
        assertThat(cl.execute("-o", "a=1", "-o", "b=2", "sub", "-o", "c=3")).isEqualTo(7);
        assertThat(sub.calls).isOne();
        assertThat(root.sets).containsExactly("a=1", "b=2", "c=3");
        assertThat(cl.execute("sub", "-o", "d=4")).isEqualTo(7);
        assertThat(root.sets).containsExactly("d=4");
    }

    @Test
    void absentOptionsKeepTheirDefaultsAndAReparseResetsThem() {
        Probe p = new Probe();
        CommandLine cl = new CommandLine(Specs.model(p));
        assertThat(cl.execute("-f", "a")).isEqualTo(7);
        assertThat(cl.execute()).isEqualTo(7);
        assertThat(p.flag).isFalse();
        assertThat(p.file).isNull();
        assertThat(p.names).isEmpty();
    }

    @Test
    void helpAndErrorsAreAnsweredByPicocli() {
        Probe p = new Probe();
        StringWriter help = new StringWriter();
        assertThat(run(p, help, "--help")).isZero();
        assertThat(help.toString()).contains("Usage: probe", "A probe.", "-f, --flag", "--file=FILE", "-h, --help", "-V, --version");
        StringWriter err = new StringWriter();
        assertThat(run(p, err, "--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'");
        assertThat(p.calls).isZero();
    }

    @Test
    void annotatedCommandsArePassedThrough() {
        Subcommand annotated = new Subcommand() { };
        assertThat(Specs.model(annotated)).isSameAs(annotated);
    }
}
