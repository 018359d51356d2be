package dev.spamward.drp.cache;

import dev.spamward.drp.DrpMetrics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The Redis level of the verdict cache (Jedis {@link RedisClient} with a connection pool). Keys are
 * {@code prefix + raw 32-byte digest}, values gozer's JSON bytes, so gozer and Spamward scanners can
 * share one Redis. Every operation has a short timeout and fails open; after a failure Redis is skipped
 * for the breaker interval (deletes are still attempted). The outage is logged once when it starts and
 * once when Redis answers again; the pool replaces broken connections by itself.
 */
public final class RedisL2Cache implements L2Cache {
    private static final Logger LOG = LoggerFactory.getLogger(RedisL2Cache.class);

    private final RedisClient client;
    private final byte[] prefix;
    private final DrpMetrics metrics;
    private final CircuitBreaker breaker;
    private final String where;
    private final AtomicBoolean down = new AtomicBoolean();

    private RedisL2Cache(RedisClient client, String where, String prefix, Duration breakFor, DrpMetrics metrics) {
        this.client = client;
        this.where = where;
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        this.metrics = metrics;
        this.breaker = new CircuitBreaker(breakFor, System::nanoTime);
    }

    /**
     * Connects lazily to {@code url} ({@code redis://[user:pass@]host[:port][/db]}, {@code rediss://} for
     * TLS).
     *
     * @param poolSize the most connections kept (idle and total alike: fewer idle than total makes the
     *                 pool close and reopen connections under load)
     * @throws IllegalArgumentException when the URL is not a Redis URL
     */
    public static RedisL2Cache connect(String url, String prefix, Duration timeout, Duration breakFor, int poolSize,
                                       DrpMetrics metrics) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL");
        }
        if (!JedisURIHelper.isValid(uri) || !JedisURIHelper.isRedisScheme(uri) && !JedisURIHelper.isRedisSSLScheme(uri)) {
            throw new IllegalArgumentException("expected redis://host:port[/db] or rediss://...");
        }
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        DefaultJedisClientConfig.Builder cc = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(ms).socketTimeoutMillis(ms)
                .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                .clientName("spamward-drp");
        if (JedisURIHelper.hasDbIndex(uri)) cc.database(JedisURIHelper.getDBIndex(uri));
        if (JedisURIHelper.getUser(uri) != null) cc.user(JedisURIHelper.getUser(uri));
        if (JedisURIHelper.getPassword(uri) != null) cc.password(JedisURIHelper.getPassword(uri));
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMinIdle(0);
        pool.setMaxWait(timeout);
        pool.setJmxEnabled(false);
        RedisClient client = RedisClient.builder().hostAndPort(JedisURIHelper.getHostAndPort(uri))
                .clientConfig(cc.build()).poolConfig(pool).build();
        String where = JedisURIHelper.getHostAndPort(uri).toString();
        return new RedisL2Cache(client, where, prefix, breakFor, metrics);
    }

    @Override
    public Hit get(Digest key) {
        if (!breaker.allowed()) return null;
        try (AbstractPipeline p = client.pipelined()) {
            byte[] k = key.withPrefix(prefix);
            Response<byte[]> value = p.get(k);
            Response<Long> pttl = p.pttl(k);
            p.sync();
            succeeded();
            byte[] v = value.get();
            if (v == null) return null;
            Long ms = pttl.get();
            return new Hit(v, ms == null || ms < 0 ? null : Duration.ofMillis(ms));
        } catch (RuntimeException e) {
            failed("GET", e);
            return null;
        }
    }

    @Override
    public void put(Digest key, byte[] value, Duration ttl) {
        if (!breaker.allowed()) return;
        long ms = ttl.toMillis();
        SetParams params = ms % 1000 == 0 ? SetParams.setParams().ex(ms / 1000) : SetParams.setParams().px(ms);
        try {
            client.set(key.withPrefix(prefix), value, params);
            succeeded();
        } catch (RuntimeException e) {
            failed("SET", e);
        }
    }

    @Override
    public void delete(Digest key) {
        // Attempted even while the breaker is open: a stale verdict is worse than a slow delete.
        try {
            client.del(key.withPrefix(prefix));
            succeeded();
        } catch (RuntimeException e) {
            failed("DEL", e);
        }
    }

    private void succeeded() {
        if (breaker.tripped()) breaker.success();
        if (down.get() && down.compareAndSet(true, false)) {
            LOG.info("Redis cache at {} answers again; using it", where);
        }
    }

    private void failed(String op, RuntimeException e) {
        metrics.redisError();
        if (breaker.failure()) metrics.redisCircuitOpen();
        if (down.compareAndSet(false, true)) {
            // Logged once per outage, not once per failure or per breaker interval.
            LOG.warn("Redis cache at {} failed ({} {}); using the local cache only until it answers again",
                    where, op, e.toString());
        }
    }

    /** True while Redis is considered down (from a failure until the next success). */
    public boolean down() {
        return down.get();
    }

    @Override
    public void close() {
        client.close();
    }
}
