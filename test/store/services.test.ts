import { describe } from 'vitest';
import { storeContract } from './contract.ts';

const redis = process.env.TASA_TEST_REDIS_URL;
const postgres = process.env.TASA_TEST_POSTGRES_URL;

if (!redis) console.warn('Skipping the Redis store tests: set TASA_TEST_REDIS_URL to run them.');
if (!postgres)
  console.warn('Skipping the PostgreSQL store tests: set TASA_TEST_POSTGRES_URL to run them.');

describe.skipIf(!redis)('the Redis store (TASA_TEST_REDIS_URL)', () => {
  storeContract({ url: redis ?? '', shared: true });
});

describe.skipIf(!postgres)('the PostgreSQL store (TASA_TEST_POSTGRES_URL)', () => {
  storeContract({ url: postgres ?? '', shared: true });
});
