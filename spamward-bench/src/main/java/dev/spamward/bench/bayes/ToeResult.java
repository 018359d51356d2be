package dev.spamward.bench.bayes;

/** One TOE run, with the keys of gonzofilter's toe.py (plus the run number). */
record ToeResult(String filter, int run, int lham, int lspam, int fn, int fp, int tp, int tn, double timeS) {
    double sensi() {
        return (double) tp / (tp + fn);
    }

    double speci() {
        return (double) tn / (tn + fp);
    }

    double accuracy() {
        return (double) (tp + tn) / (tp + tn + fp + fn);
    }
}
