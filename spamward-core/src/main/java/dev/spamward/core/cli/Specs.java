package dev.spamward.core.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Builds picocli models in code ({@link CodedSubcommand}): options bound to fields through lambdas, so that
 * parsing needs neither annotations nor reflection.
 */
public final class Specs {
    private Specs() {
    }

    /** What to give picocli's {@code addSubcommand}: a coded command's model, else the annotated command itself. */
    public static Object model(Subcommand command) {
        return command instanceof CodedSubcommand coded ? coded.spec() : command;
    }

    /**
     * A command named {@code name} running {@code userObject} (a {@code Callable} or {@code Runnable}), with
     * {@code -h/--help} and {@code -V/--version} as picocli's {@code mixinStandardHelpOptions} adds them.
     */
    public static CommandSpec command(Object userObject, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(userObject).name(name);
        spec.usageMessage().description(description);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class)
                .description("Print version information and exit.").build());
        return spec;
    }

    /** A flag (no value): {@code set} receives true when present, false before parsing. */
    public static OptionSpec flag(Consumer<Boolean> set, String description, String... names) {
        Binding<Boolean> b = new Binding<>(set, false);
        return OptionSpec.builder(names).type(boolean.class).description(description).setter(b).getter(b).build();
    }

    /**
     * An option taking one value of {@code type}; {@code set} receives it, or null before parsing. Returned as a
     * builder for further settings (such as an inherited scope).
     */
    public static <T> OptionSpec.Builder option(Class<T> type, String paramLabel, Consumer<T> set,
            String description, String... names) {
        Binding<T> b = new Binding<>(set, null);
        return OptionSpec.builder(names).type(type).paramLabel(paramLabel).description(description).setter(b).getter(b);
    }

    /**
     * A repeatable option collecting its values as strings; {@code set} receives all values so far (empty before
     * parsing). With an inherited scope the values given before and after the subcommand add up.
     */
    public static OptionSpec.Builder repeated(String paramLabel, String description, Consumer<List<String>> set, String... names) {
        Accumulating b = new Accumulating(set);
        return OptionSpec.builder(names).type(List.class).auxiliaryTypes(String.class).paramLabel(paramLabel)
                .description(description).setter(b).getter(b);
    }

    /** Positional parameters collected as strings ({@code arity} as picocli's, e.g. {@code "0..*"}). */
    public static PositionalParamSpec strings(String paramLabel, String arity, Consumer<List<String>> set,
            String description) {
        Binding<List<String>> b = new Binding<>(set, List.of());
        return PositionalParamSpec.builder().paramLabel(paramLabel).arity(arity).type(List.class)
                .auxiliaryTypes(String.class).description(description).setter(b).getter(b).build();
    }

    /**
     * The binding of a repeatable option. picocli fills one collection per option model, and an inherited option has
     * one model in the root and one in the subcommand, each starting a new collection: values of the collections
     * picocli filled before are kept in front of the one it fills now.
     */
    private static final class Accumulating implements ISetter, IGetter {
        private final Consumer<List<String>> set;
        private final List<String> before = new ArrayList<>();
        private List<?> filling;

        Accumulating(Consumer<List<String>> set) {
            this.set = set;
            set.accept(List.of());
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V set(V value) {
            if (value == null) { // a new parse
                before.clear();
                filling = null;
            } else if (value != filling) { // picocli starts a collection: what it filled so far stays
                if (filling != null) for (Object o : filling) before.add((String) o);
                filling = (List<?>) value;
            }
            List<String> all = new ArrayList<>(before);
            if (filling != null) for (Object o : filling) all.add((String) o);
            set.accept(all);
            return null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V get() {
            return (V) filling; // picocli's own collection, which it appends to
        }
    }

    /**
     * A setter over a field, through a lambda, and a getter of the value last set; null (picocli's reset) becomes
     * {@code whenNull}.
     */
    private static final class Binding<T> implements ISetter, IGetter {
        private final Consumer<T> set;
        private final T whenNull;
        private T last;

        Binding(Consumer<T> set, T whenNull) {
            this.set = set;
            this.whenNull = whenNull;
            this.last = whenNull;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V set(V value) {
            T previous = last;
            last = value == null ? whenNull : (T) value;
            set.accept(last);
            return (V) previous;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> V get() {
            return (V) last;
        }
    }
}
