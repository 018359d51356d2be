/** Spamward bayes library (see ARCHITECTURE.md). */
package dev.spamward.bayes;
