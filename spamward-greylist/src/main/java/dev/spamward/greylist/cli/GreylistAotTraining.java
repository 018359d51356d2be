package dev.spamward.greylist.cli;

import dev.spamward.core.cli.AotTraining;
import dev.spamward.greylist.Answers;
import dev.spamward.greylist.client.SjsmsClient;
import dev.spamward.greylist.engine.Result;
import dev.spamward.greylist.engine.Verdict;
import dev.spamward.greylist.state.AddressNormalizer;
import dev.spamward.greylist.state.IpMask;
import dev.spamward.greylist.state.Triplet;
import java.util.List;

/**
 * Loads the classes {@code spamward greylist query} uses (masking, normalising, hashing, answer
 * rendering, the sjsms datagram) for the launcher's AOT cache; no network, no files.
 */
public final class GreylistAotTraining implements AotTraining {

    @Override
    public void train() {
        Triplet t = Triplet.of(IpMask.parse("192.0.2.10"), "<Alice@Example.NET>", "bob@example.org", new IpMask(24, 64),
                new AddressNormalizer(true));
        t.digest();
        IpMask.parse("2001:db8::1");
        SjsmsClient.query("a@example.net", "b@example.org", "192.0.2.1", "mx.example.net");
        Answers a = Answers.defaults();
        for (Result r : Result.values()) {
            Verdict v = new Verdict(r, "Please try again later", 0, List.of(), 0);
            a.policy(v);
            a.sjsms(v);
            a.milterReply(v);
        }
    }
}
