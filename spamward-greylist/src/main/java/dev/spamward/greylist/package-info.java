/** Spamward greylist library (see ARCHITECTURE.md). */
package dev.spamward.greylist;
