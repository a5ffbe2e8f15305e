import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startTasa } from '../../src/app.ts';
import { parseConfig } from '../../src/config/load.ts';
import { parseEnvironment } from '../../src/env.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { isTasaError } from '../../src/shared/errors.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';

const example = parseConfig(
  readFileSync(new URL('../../src/config/tasa.example.yaml', import.meta.url), 'utf8'),
);

describe('starting Tasa', () => {
  it('serves health and readiness on the HTTP port', async () => {
    if (!example.ok) throw new Error('example config is invalid');
    const clock = fixedClock(new Date('2027-01-04T09:00:00Z'));
    const logger = memoryLogger();
    const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'helsinki', clock });
    const tasa = await startTasa({
      config: example.config,
      store,
      logger,
      clock,
      port: 0,
      runSchedule: false,
    });
    try {
      const health = await fetch(`http://127.0.0.1:${tasa.port}/healthz`);
      expect(health.status).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${tasa.port}/readyz`);
      expect(await ready.json()).toEqual({
        status: 'ready',
        checks: { config: true, store: true },
        // No platform is connected to find the example's e-mail addresses on.
        people: { resolving: expect.any(Boolean), unknownEmails: [] },
      });
      expect((await fetch(`http://127.0.0.1:${tasa.port}/nothing`)).status).toBe(404);
      expect(logger.lines.some((line) => line.message === 'tasa started')).toBe(true);
      // No credentials and no TEAMS_LOCAL_DEV: Teams is off, and the log says how to turn it on.
      expect(logger.lines).toContainEqual(
        expect.objectContaining({ message: expect.stringContaining('Teams is off') }),
      );
      expect((await fetch(`http://127.0.0.1:${tasa.port}/api/messages`)).status).toBe(404);
    } finally {
      await tasa.stop();
    }
  });

  it('reports not ready while the store does not answer', async () => {
    if (!example.ok) throw new Error('example config is invalid');
    const clock = fixedClock(new Date('2027-01-04T09:00:00Z'));
    const inner = openStore({ url: 'memory:', dataDir: '.', namespace: 'helsinki', clock });
    const unreachable: Store = {
      ...inner,
      ping: () => Promise.reject(new Error('connection refused')),
    };
    const tasa = await startTasa({
      config: example.config,
      store: unreachable,
      logger: memoryLogger(),
      clock,
      port: 0,
    });
    try {
      const ready = await fetch(`http://127.0.0.1:${tasa.port}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ checks: { store: false } });
    } finally {
      await tasa.stop();
    }
  });
});

describe('the environment', () => {
  it('has embedded defaults', () => {
    expect(parseEnvironment({})).toMatchObject({
      PORT: 3000,
      TASA_DATA_DIR: './data',
      LOG_LEVEL: 'info',
    });
    expect(parseEnvironment({ TASA_STORE_URL: '  ' }).TASA_STORE_URL).toBeUndefined();
  });

  it('names a bad variable', () => {
    try {
      parseEnvironment({ PORT: 'eighty' });
      expect.unreachable();
    } catch (error) {
      expect(isTasaError(error, 'environment_invalid')).toBe(true);
      expect((error as Error).message).toContain('PORT');
    }
  });
});
