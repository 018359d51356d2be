/**
 * The DCC client for the CLI and the HTTP service: {@link dev.spamward.dcc.client.DccClient} (thread-safe,
 * configured from {@link dev.spamward.dcc.client.DccSettings}), verdicts and credentials.
 */
package dev.spamward.dcc.client;
