/**
 * The DRP HTTP service: gozer's API ({@code POST /check}, {@code /report}, {@code /revoke}) over the
 * DCC, Razor and Pyzor networks, served by {@code spamward serve} on the same HTTP endpoint as
 * {@code /health} and {@code /metrics}. The contract is the team's drp-http specification (gozer commit
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
 *   <li>{@code backend}: the interfaces the network clients are adapted to, and the adapters to the real
 *       clients, one class each: {@link dev.spamward.drp.backend.DccClientBackend} ({@code DccClient}),
 *       {@link dev.spamward.drp.backend.RazorClientBackend} ({@code RazorClient}),
 *       {@link dev.spamward.drp.backend.PyzorClientBackend} ({@code PyzorClient}), wired by
 *       {@link dev.spamward.drp.backend.Backends#fromConfig}.</li>
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
 *   <li><b>Razor identity file</b>: {@code razor.user}/{@code razor.pass} (RAZOR_USER, RAZOR_PASS[_FILE]),
 *       else razor-agents' {@code identity} in {@code razor.home} (RAZORHOME; written by
 *       {@code spamward razor-register}), else gozer's {@code gazor-identity}, else its README's
 *       {@code gozer-identity}: all are read, so gozer volumes keep working. Looked up on every report,
 *       so a registration needs no restart.</li>
 *   <li><b>{@code dcc.bulk}</b> is the real DCC body count (typically 16,777,200), never 2147483647.</li>
 *   <li><b>Durations</b>: the same syntax everywhere (file, environment, {@code --set}): a bare number is
 *       seconds (float allowed, as gozer's environment) and Go durations ({@code 6s}, {@code 5m0s},
 *       {@code 250ms}) are accepted too (as gozer's flags).</li>
 *   <li><b>{@code X-DRP-Cache}</b>: {@code hit} (served from the L1 or Redis cache, also when a leader
 *       found the entry on its re-check), {@code coalesced} (shared the result of an identical request
 *       in flight), and no header on a miss, as gozer; no {@code miss} value is added, so gozer-aware
 *       clients see the same headers.</li>
 *   <li><b>Pyzor credentials</b>: {@code spamward pyzor-register} appends to the accounts file in
 *       {@code pyzor.homedir} (PYZOR_HOME), which the service reads; of the lines it prints,
 *       {@code PYZOR_USER}, {@code PYZOR_KEY} and {@code PYZOR_ACCOUNTS_FILE} are read back as aliases of
 *       {@code pyzor.user}, {@code pyzor.key}, {@code pyzor.accounts_file}; {@code PYZOR_SALT} is
 *       informational (signing needs only the key). gozer's {@code GYZOR_USER/SALT/KEY} are not read.</li>
 *   <li><b>DCC report weight</b>: the {@link dev.spamward.drp.backend.DccBackend#report} contract is to
 *       report "many" ({@code dccproc -t many}), not gozer's {@code tgts = 1}.</li>
 * </ol>
 *
 * <h2>gozer's per-network configuration names</h2>
 * Accepted as environment aliases of the client modules' keys: {@code PYZOR_HOME} ({@code pyzor.homedir}),
 * {@code GYZOR_SERVERS} ({@code pyzor.servers}), {@code RAZORHOME} ({@code razor.home}),
 * {@code GAZOR_DISCOVERY} ({@code razor.discovery}), {@code RAZOR_MIN_CF} ({@code razor.min_confidence}),
 * {@code RAZOR_USER}, {@code RAZOR_PASS} (+{@code _FILE}), {@code DCC_SERVERS} ({@code dcc.servers}),
 * {@code DCC_CLIENT_ID}, {@code DCC_CLIENT_PASSWD} (+{@code _FILE}). Not supported: gozer's
 * {@code serve} flags for the networks ({@code --pyzor-home}, {@code --pyzor-servers}, {@code --razor-home},
 * {@code --razor-discovery}, {@code --min-cf}, {@code --dcc-servers}; use {@code --set key=value}), and
 * gozer's defaults {@code /var/lib/pyzor} and {@code /var/lib/razor}: the homes default as the client
 * modules do ({@code ~/.pyzor}, {@code ~/.razor}), so a gozer deployment sets PYZOR_HOME and RAZORHOME.
 * The register commands are {@code spamward razor-register} ({@code --user}, {@code --pass} as gozer;
 * the home and servers through configuration), {@code spamward pyzor-register} ({@code --user},
 * {@code --home}; no {@code --key}: the key is derived from a passphrase) and
 * {@code spamward dcc-register} ({@code --client-id}, {@code --out} as gozer; the password from a file
 * or standard input, never {@code --passwd} on the command line).
 *
 * <h2>Mapping of the client results (spec sections 3-4)</h2>
 * DCC: REJECT gives {@code {"action":"reject","bulk":<largest body count>}}, ACCEPT {@code accept},
 * anything else {@code unknown}; no answer is a backend error. The message is checksummed without
 * envelope sender or client address (the HTTP API has neither). {@code /report} sends the weight "many"
 * (spam flag + one target, {@code dccproc -t many}). Razor: {@code hit} is the client's verdict (logic
 * method 4 with {@code min_cf}); report/revoke are {@code true} once a nomination server took them,
 * {@code false} without an identity (no network call, not an error). Pyzor: {@code count}/{@code wl} are
 * the maxima over the servers when every server answered 200; otherwise the network failed (0/0, backend
 * error, verdict not cached); a message with pyzor's empty digest is not sent and is an authoritative 0/0;
 * report/whitelist are {@code true} when every server answered 200.
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
 *   <li>{@code GOZER_LOG_STDOUT} (or {@code log.stdout}) sends the log of {@code spamward serve} to stdout; unlike
 *       gozer, warnings and errors go there too (slf4j-simple writes one stream). The audit lines for
 *       {@code /report} and {@code /revoke} are INFO lines of {@code dev.spamward.drp.http.DrpHandler}.</li>
 *   <li>{@code GOZER_PORT} outside 1..65535 becomes 8077 with a warning, as gozer.</li>
 * </ul>
 */
package dev.spamward.drp;
