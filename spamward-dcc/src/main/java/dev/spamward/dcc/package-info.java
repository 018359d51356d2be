/** Spamward dcc library (see ARCHITECTURE.md). */
package dev.spamward.dcc;
