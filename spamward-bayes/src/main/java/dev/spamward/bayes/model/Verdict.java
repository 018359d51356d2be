package dev.spamward.bayes.model;

import java.util.Locale;

/** The three-way result of a classification. */
public enum Verdict {
    HAM, UNSURE, SPAM;

    /** Lower-case name for output and headers. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
