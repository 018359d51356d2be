/** {@code spamward dcc sums|check|report|register}. */
package dev.spamward.dcc.cli;
