package dev.spamward.mime;

import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.cli.Subcommand;
import dev.spamward.core.cli.UserException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spamward mime FILE|-}: prints the part tree with types, charsets, sizes, URLs and defects. */
@Command(name = "mime", mixinStandardHelpOptions = true,
        description = "Parse a message and print its MIME tree: types, charsets, decoded sizes, URLs, defects.")
public final class MimeCommand implements Callable<Integer>, Subcommand {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The message file, or - for standard input.")
    String file;

    @Option(names = "--text", description = "Also print the decoded (visible) text of each text part.")
    boolean showText;

    @Override
    public Integer call() {
        MailParser parser = new MailParser(MimeSettings.limits(CommandContext.config(spec)));
        ParsedMessage msg;
        try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
            msg = parser.parse(in);
        } catch (NoSuchFileException e) {
            throw new UserException("no such file: " + file, 66);
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage(), 66);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(TreePrinter.render(msg, showText));
        out.flush();
        return 0;
    }

    /** Renders a parsed message as an indented tree (shared with tests). */
    public static final class TreePrinter {
        private TreePrinter() {
        }

        public static String render(ParsedMessage msg, boolean showText) {
            StringBuilder sb = new StringBuilder();
            sb.append("message: ").append(msg.rawSize()).append(" bytes, ").append(msg.parts().size()).append(" parts");
            if (msg.mboxFromLine() != null) sb.append(", mbox From line");
            if (msg.truncated()) sb.append(", TRUNCATED");
            sb.append('\n');
            for (MimePart p : msg.parts()) {
                String indent = "  ".repeat(p.depth() + 1);
                sb.append(indent).append(p.path().isEmpty() ? "(message)" : p.path()).append(' ').append(p.mimeType());
                if (p.isMultipart()) {
                    sb.append(" [").append(p.children().size()).append(" parts]");
                } else if (p.isEmbeddedMessage()) {
                    sb.append(" [embedded message]");
                } else {
                    sb.append(" cte=").append(p.transferEncoding());
                    if (p.declaredCharset() != null) sb.append(" charset=").append(p.declaredCharset());
                    if (p.charset() != null) sb.append(" decoded-as=").append(p.charset().name());
                    sb.append(" raw=").append(p.rawBody().length).append(" decoded=").append(p.decodedBody().length);
                    if (p.isText()) sb.append(" chars=").append(p.text().length());
                    if (p.filename() != null) sb.append(" filename=\"").append(p.filename()).append('"');
                }
                sb.append('\n');
                if (p.depth() == 0 || p.isEmbeddedMessage()) {
                    String subject = p.headers().first("Subject");
                    if (subject != null) sb.append(indent).append("  subject: ").append(oneLine(subject, 100)).append('\n');
                }
                if (!p.defects().isEmpty()) sb.append(indent).append("  defects: ").append(p.defects()).append('\n');
                if (p.isText()) {
                    List<String> urls = p.urls();
                    if (!urls.isEmpty()) {
                        sb.append(indent).append("  urls (").append(urls.size()).append("):");
                        for (int i = 0; i < Math.min(urls.size(), 10); i++) sb.append(' ').append(oneLine(urls.get(i), 120));
                        if (urls.size() > 10) sb.append(" ...");
                        sb.append('\n');
                    }
                    if (showText) {
                        for (String line : p.visibleText().split("\n", -1)) sb.append(indent).append("  | ").append(line).append('\n');
                    }
                }
            }
            return sb.toString();
        }

        private static String oneLine(String s, int max) {
            String t = s.replaceAll("[\\r\\n\\t]+", " ");
            return t.length() > max ? t.substring(0, max) + "..." : t;
        }
    }
}
