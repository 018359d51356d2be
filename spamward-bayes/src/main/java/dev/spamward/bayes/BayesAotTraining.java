package dev.spamward.bayes;

import dev.spamward.bayes.model.ChiSquareModel;
import dev.spamward.bayes.model.Cutoffs;
import dev.spamward.bayes.store.Label;
import dev.spamward.bayes.store.MemoryTokenStore;
import dev.spamward.core.cli.AotTraining;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * AOT training for the Bayes commands: tokenizes and classifies the mail parser's sample message over an
 * in-memory store, then runs {@code learn}, {@code check} and {@code check --batch} on a real LMDB database in
 * the scratch directory, so that the LMDB binding's method handles and the command's first-use work are in
 * the cache (they were most of a one-message {@code spamward check}).
 */
public final class BayesAotTraining implements AotTraining {
    private static final String SAMPLE = "/dev/spamward/mime/aot-sample.eml";

    @Override
    public void train() {
        try (InputStream in = BayesAotTraining.class.getResourceAsStream(SAMPLE)) {
            if (in == null) return;
            byte[] msg = in.readAllBytes();
            BayesFilter f = new BayesFilter(new dev.spamward.bayes.tokenize.Tokenizer(), new MemoryTokenStore(),
                    new ChiSquareModel(ChiSquareModel.Params.defaults()), new Cutoffs(0.2, 0.8, true));
            f.learn(msg, Label.SPAM);
            f.classify(msg, 10);
        } catch (IOException | RuntimeException e) {
            // Training is best effort.
        }
    }

    @Override
    public List<List<String>> commands(Path scratch) {
        try (InputStream in = BayesAotTraining.class.getResourceAsStream(SAMPLE)) {
            if (in == null) return List.of();
            Path msg = scratch.resolve("sample.eml");
            Files.write(msg, in.readAllBytes());
            // A ham as well, so that check scores tokens (with one class empty it stops at "not enough training").
            Path ham = scratch.resolve("ham.eml");
            Files.writeString(ham, "From: Ann <ann@example.org>\nTo: team@example.org\nSubject: Re: minutes of the meeting\n"
                    + "Message-ID: <1234.5678@example.org>\nDate: Tue, 1 Oct 2024 10:00:00 +0200\n\n"
                    + "Hello all, the minutes are attached; see https://wiki.example.org/minutes for the agenda.\n");
            String db = scratch.resolve("db").toString();
            return List.of(
                    List.of("learn", "-q", "-db", db, "--spam", msg.toString()),
                    List.of("learn", "-q", "-db", db, "--ham", ham.toString()),
                    List.of("check", "-db", db, msg.toString()),
                    List.of("check", "-db", db, "--batch", msg.toString()));
        } catch (IOException e) {
            return List.of();
        }
    }
}
