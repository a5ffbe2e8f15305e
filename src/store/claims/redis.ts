import type { RedisClientConnectionType } from '@keyv/redis';
import type { ClaimBackend } from '../store.ts';

/** Deletes the key only while it still holds our token. */
const releaseScript = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/** Claims on Redis: SET NX PX is atomic on the server. */
export function redisClaims(client: () => Promise<RedisClientConnectionType>): ClaimBackend {
  return {
    async claim(key, token, ttlMs) {
      const redis = await client();
      const reply = await redis.set(`claim:${key}`, token, {
        condition: 'NX',
        expiration: { type: 'PX', value: ttlMs },
      });
      return reply === 'OK';
    },
    async release(key, token) {
      const redis = await client();
      await redis.eval(releaseScript, { keys: [`claim:${key}`], arguments: [token] });
    },
    async ping() {
      const redis = await client();
      await redis.ping();
    },
    async close() {},
  };
}
