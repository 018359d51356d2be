/** Spamward pyzor library (see ARCHITECTURE.md). */
package dev.spamward.pyzor;
