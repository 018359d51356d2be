package dev.spamward.razor.client;

import java.util.List;
import java.util.Map;

/**
 * The verdict of a check ({@code logic_method} 4: spam when any non-contention part has a spam response).
 *
 * @param spam whether the message is known spam
 * @param server the catalogue server that answered ({@code null} when there was nothing to ask)
 * @param minConfidence the {@code cf} threshold used
 * @param parts one entry per prepared body part
 */
public record CheckResult(boolean spam, ServerAddress server, long minConfidence, List<Part> parts) {
    public CheckResult {
        parts = List.copyOf(parts);
    }

    /**
     * One body part.
     *
     * @param index the part index ({@code 1.N} in the agents' logs)
     * @param skipped whether the part had no signature to ask about
     * @param contention whether the server marked the part as contention ({@code ct})
     * @param spam whether a response for the part was spam
     * @param answers the response for each signature sent
     */
    public record Part(int index, boolean skipped, boolean contention, boolean spam, List<Answer> answers) {
        public Part {
            answers = List.copyOf(answers);
        }
    }

    /**
     * The server's response to one signature.
     *
     * @param engine 4 or 8
     * @param signature the signature sent
     * @param spam whether this response counts as spam ({@code p=1} and {@code cf} at least the threshold)
     * @param fields the response fields as sent ({@code p}, {@code cf}, {@code ct}, {@code err}, ...)
     */
    public record Answer(int engine, String signature, boolean spam, Map<String, String> fields) {
        public Answer {
            fields = Map.copyOf(fields);
        }
    }
}
