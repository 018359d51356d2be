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
import java.util.ArrayList;
import java.util.List;

/**
 * AOT training for the Bayes commands: tokenizes and classifies the mail parser's sample message over an
 * in-memory store, then runs {@code learn}, {@code check}, {@code pass} and {@code check --batch} on a real LMDB
 * database in the scratch directory, so that the LMDB binding's method handles and the commands' first-use work
 * are in the cache. The per-message cache gets {@code check} and {@code pass} alone, on a database learned
 * beforehand.
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
        List<List<String>> all = new ArrayList<>(messagePreparation(scratch));
        all.addAll(messageCommands(scratch));
        if (!all.isEmpty()) all.add(List.of("check", "-db", db(scratch), "--batch", sample(scratch).toString()));
        return all;
    }

    /** Learns the sample message as spam and a short ham into {@code scratch/db}. */
    @Override
    public List<List<String>> messagePreparation(Path scratch) {
        try (InputStream in = BayesAotTraining.class.getResourceAsStream(SAMPLE)) {
            if (in == null) return List.of();
            Files.write(sample(scratch), in.readAllBytes());
            // A ham as well, so that check scores tokens (with one class empty it stops at "not enough training").
            Path ham = scratch.resolve("ham.eml");
            Files.writeString(ham, "From: Ann <ann@example.org>\nTo: team@example.org\nSubject: Re: minutes of the meeting\n"
                    + "Message-ID: <1234.5678@example.org>\nDate: Tue, 1 Oct 2024 10:00:00 +0200\n\n"
                    + "Hello all, the minutes are attached; see https://wiki.example.org/minutes for the agenda.\n");
            return List.of(
                    List.of("learn", "-q", "-db", db(scratch), "--spam", sample(scratch).toString()),
                    List.of("learn", "-q", "-db", db(scratch), "--ham", ham.toString()));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** {@code check} and {@code pass} of the sample message on the prepared database. */
    @Override
    public List<List<String>> messageCommands(Path scratch) {
        if (!Files.isRegularFile(sample(scratch))) return List.of();
        return List.of(
                List.of("check", "-db", db(scratch), sample(scratch).toString()),
                List.of("pass", "-db", db(scratch), "-in", sample(scratch).toString(), "-out", scratch.resolve("passed.eml").toString()));
    }

    private static Path sample(Path scratch) {
        return scratch.resolve("sample.eml");
    }

    private static String db(Path scratch) {
        return scratch.resolve("db").toString();
    }
}
