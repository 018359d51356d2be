/**
 * The DRP HTTP service: gozer's API ({@code POST /check}, {@code /report}, {@code /revoke}) over the
 * DCC, Razor and Pyzor networks, served by {@code spamward serve} on the same HTTP endpoint as
 * {@code /health} and {@code /metrics}. The contract is ../shared/specs/drp-http.md (gozer commit
 * 01c4c26); the JSON answers are byte-for-byte gozer's, so its rspamd plugin and clients keep working.
 *
 * <h2>Where things are</h2>
 * <ul>
 *   <li>{@link dev.spamward.drp.DrpService}: wiring; {@link dev.spamward.drp.DrpSettings} /
 *       {@link dev.spamward.drp.DrpOptions}: configuration and gozer's clamping;
 *       {@link dev.spamward.drp.DrpMetrics}: gozer's metric names.</li>
 *   <li>{@code http}: the request pipeline ({@link dev.spamward.drp.http.DrpHandler}), the token check,
 *       JDK HTTP server settings.</li>
 *   <li>{@link dev.spamward.drp.DrpEngine}: cache, single-flight coalescing, feedback epochs.</li>
 *   <li>{@code dispatch}: the fan-out to the three networks on virtual threads within one budget, and
 *       the JSON.</li>
 *   <li>{@code cache}: SHA-256 key, Caffeine L1, Redis L2 (Jedis) with circuit breaker, epochs.</li>
 *   <li>{@code backend}: the interfaces the network clients are adapted to
 *       ({@link dev.spamward.drp.backend.Backends#fromConfig} is where the adapters are wired).</li>
 *   <li>{@code cli}: {@code spamward stats} and {@code spamward health}.</li>
 * </ul>
 *
 * <h2>Decisions where gozer's README and code disagree (spec section 10)</h2>
 * <ol>
 *   <li><b>Bad lengths.</b> Spamward answers 413 {@code {"error":"too large"}} for a Content-Length above
 *       {@code drp.max_body} (8 MiB), 411 {@code {"error":"length required"}} for a missing length or a
 *       chunked body, and 400 {@code {"error":"bad length"}} for a zero, malformed or contradictory one
 *       (gozer: 400 for all). The rspamd plugin treats every non-200 alike, so nothing breaks, and the
 *       codes say what is wrong. The refused body is not read (at most one byte), and the connection is
 *       closed with {@code Connection: close}; each of these counts in {@code gozer_error_total}.</li>
 *   <li><b>Default concurrency</b> is 8 (gozer's README), not the number of CPUs (gozer's code): the work is
 *       waiting on the networks, not CPU, and a fixed default behaves the same on every machine while
 *       bounding buffered bodies to 8 x 8 MiB. Values below 1 become 8.</li>
 *   <li><b>At the limit</b> a request waits up to {@code drp.backend_timeout} for a slot (gozer's code),
 *       then gets 503 {@code {"error":"busy"}} with {@code Retry-After} (the timeout in whole seconds,
 *       at least 1), counted in {@code gozer_busy_total}.</li>
 *   <li><b>Razor identity file</b>: not handled here; the Razor adapter reads the Razor module's identity
 *       (to be wired; reading both {@code gazor-identity} and {@code gozer-identity} is recommended).</li>
 *   <li><b>{@code dcc.bulk}</b> is the real DCC body count (typically 16,777,200), never 2147483647.</li>
 *   <li><b>Durations</b>: the same syntax everywhere (file, environment, {@code --set}): a bare number is
 *       seconds (float allowed, as gozer's environment) and Go durations ({@code 6s}, {@code 5m0s},
 *       {@code 250ms}) are accepted too (as gozer's flags).</li>
 *   <li><b>{@code X-DRP-Cache}</b>: {@code hit} (served from the L1 or Redis cache, also when a leader
 *       found the entry on its re-check), {@code coalesced} (shared the result of an identical request
 *       in flight), and no header on a miss, as gozer; no {@code miss} value is added, so gozer-aware
 *       clients see the same headers.</li>
 *   <li><b>Pyzor credentials</b>: not part of this module (the register commands are left to the client
 *       modules); whatever is chosen must not print variables that are not read.</li>
 *   <li><b>DCC report weight</b>: the {@link dev.spamward.drp.backend.DccBackend#report} contract is to
 *       report "many" ({@code dccproc -t many}), not gozer's {@code tgts = 1}.</li>
 * </ol>
 *
 * <h2>Other choices</h2>
 * <ul>
 *   <li>Extra JSON keys (allowed by the issue for timing and errors only): in {@code /check} answers
 *       computed by this request, each network's object gets {@code "ms"} and, when that network
 *       failed, {@code "error"}; {@code /report} and {@code /revoke} get top-level {@code "ms"} and
 *       {@code "errors"} objects. Cache hits return exactly the cached gozer JSON (the cache, and so a
 *       Redis shared with gozer, holds gozer's bytes only).</li>
 *   <li>A bearer scheme is matched case-insensitively ({@code bearer} works too); the token is compared
 *       as SHA-256 digests with {@link java.security.MessageDigest#isEqual}.</li>
 *   <li>Redis values are written with {@code EX} for whole seconds and {@code PX} otherwise; a Redis
 *       outage is logged once when it starts and once when it ends, every failed operation counts in
 *       {@code gozer_redis_error_total}, each opening of the breaker in
 *       {@code gozer_redis_circuit_open_total}.</li>
 *   <li>{@code GOZER_LOG_STDOUT} is not supported: Spamward logs to stderr (SLF4J); the audit lines for
 *       {@code /report} and {@code /revoke} are INFO lines of {@code dev.spamward.drp.http.DrpHandler}.</li>
 *   <li>{@code GOZER_PORT} outside 1..65535 becomes 8077 with a warning, as gozer.</li>
 * </ul>
 */
package dev.spamward.drp;
