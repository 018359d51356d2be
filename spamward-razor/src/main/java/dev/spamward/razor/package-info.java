/** Spamward razor library (see ARCHITECTURE.md). */
package dev.spamward.razor;
