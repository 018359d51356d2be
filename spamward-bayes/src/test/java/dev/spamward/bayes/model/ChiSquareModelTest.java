package dev.spamward.bayes.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.spamward.bayes.store.Counts;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChiSquareModelTest {
    private final ChiSquareModel m = new ChiSquareModel(new ChiSquareModel.Params(1.0, 0.5, 0.0, 0, 1));

    @Test
    void theTokenLimitFallsFromMaxToMinAsTheSmallerClassGrows() {
        ChiSquareModel.Params d = ChiSquareModel.Params.defaults();
        assertThat(d.tokenLimit(1)).isEqualTo(150);
        assertThat(d.tokenLimit(100)).isEqualTo(150);
        assertThat(d.tokenLimit(300)).isEqualTo(50);
        assertThat(d.tokenLimit(1_000)).isEqualTo(27);
        assertThat(new ChiSquareModel.Params(1, 0.5, 0.25, 150, 1).tokenLimit(1_000)).isEqualTo(150); // no budget
        assertThat(new ChiSquareModel.Params(1, 0.5, 0.25, 0, 1, 27, 15_000).tokenLimit(1_000)).isZero(); // 0 = all
    }

    @Test
    void chiSquareSurvivalMatchesKnownValues() {
        // P(X >= x) for 2 degrees of freedom is e^{-x/2}; for 4 it is e^{-x/2}(1 + x/2).
        assertThat(ChiSquareModel.chiSquareSurvival(3.0, 2)).isCloseTo(Math.exp(-1.5), within(1e-12));
        assertThat(ChiSquareModel.chiSquareSurvival(3.0, 4)).isCloseTo(Math.exp(-1.5) * 2.5, within(1e-12));
        assertThat(ChiSquareModel.chiSquareSurvival(0, 10)).isEqualTo(1.0);
        // Large sums do not underflow to a wrong 0 or overflow past 1.
        double v = ChiSquareModel.chiSquareSurvival(1600, 300);
        assertThat(v).isBetween(0.0, 1.0);
        assertThat(ChiSquareModel.chiSquareSurvival(200, 300)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void theDecisionIsSymmetricUnlikeGonzofiltersRatioRule() {
        Counts spammy = new Counts(10, 10, List.of("a", "b", "c"), new int[] {9, 8, 9}, new int[] {1, 1, 0});
        Counts hammy = new Counts(10, 10, List.of("a", "b", "c"), new int[] {1, 1, 0}, new int[] {9, 8, 9});
        double s = m.score(spammy, 0).probability();
        double h = m.score(hammy, 0).probability();
        assertThat(s).isGreaterThan(0.9);
        assertThat(s + h).isCloseTo(1.0, within(1e-9));
        Counts balanced = new Counts(10, 10, List.of("a", "b"), new int[] {9, 1}, new int[] {1, 9});
        assertThat(m.score(balanced, 0).probability()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void classSizesAreNormalisedSoAnUnbalancedTrainingDoesNotBiasTheScore() {
        // The token is in half of each class's messages: neutral, though spam has 10x the messages.
        Counts c = new Counts(1000, 100, List.of("t"), new int[] {500}, new int[] {50});
        assertThat(m.score(c, 0).probability()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void untrainedOrUnknownGivesANeutralScoreWithAReasonAndEvidenceIsOrdered() {
        assertThat(m.score(new Counts(0, 5, List.of("a"), new int[] {0}, new int[] {3}), 5).note()).contains("not enough training");
        assertThat(m.score(new Counts(5, 5, List.of("a"), new int[] {0}, new int[] {0}), 5).probability()).isEqualTo(0.5);
        Score s = m.score(new Counts(10, 10, List.of("weak", "strong", "mid"), new int[] {6, 10, 8}, new int[] {4, 0, 2}), 2);
        assertThat(s.evidence()).extracting(TokenEvidence::token).containsExactly("strong", "mid");
    }

    @Test
    void cutoffsGiveThreeWayVerdicts() {
        Cutoffs three = new Cutoffs(0.2, 0.8, true);
        assertThat(three.verdict(0.1)).isEqualTo(Verdict.HAM);
        assertThat(three.verdict(0.5)).isEqualTo(Verdict.UNSURE);
        assertThat(three.verdict(0.8)).isEqualTo(Verdict.SPAM);
        assertThat(new Cutoffs(0.2, 0.8, false).verdict(0.5)).isEqualTo(Verdict.HAM);
    }

    /** The default cut-off is 0.5, which an untrained filter's neutral score reaches: it must not call that spam. */
    @Test
    void aScoreWithoutEvidenceIsNeverSpam() {
        ChiSquareModel m = new ChiSquareModel(ChiSquareModel.Params.defaults());
        Score untrained = m.score(new Counts(0, 0, List.of("viagra"), new int[] {0}, new int[] {0}), 0);
        assertThat(untrained.probability()).isEqualTo(0.5);
        assertThat(new Cutoffs(0.5, 0.5, false).verdict(untrained)).isEqualTo(Verdict.HAM);
        assertThat(new Cutoffs(0.2, 0.8, true).verdict(untrained)).isEqualTo(Verdict.UNSURE);
        Score unknown = m.score(new Counts(10, 10, List.of("never-seen"), new int[] {0}, new int[] {0}), 0);
        assertThat(new Cutoffs(0.5, 0.5, false).verdict(unknown)).isEqualTo(Verdict.HAM);
    }
}
