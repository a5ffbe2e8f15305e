import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTasa } from '../../src/app.ts';
import { openCycle } from '../../src/cycles/lifecycle.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { ErrorCode, TasaError } from '../../src/shared/errors.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { parsedConfig } from '../helpers/world.ts';
import { signingSecret, startSlackTasa, state, waitFor } from '../slack/harness.ts';

const botToken = 'xoxb-test-token';

/** The real pino logger, at debug level, writing its JSON lines to memory. */
function memoryPino() {
  const lines: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
  return { logger, output: () => lines.join('') };
}

/**
 * A gateway in front of Slack that fails and, like many do, echoes the request
 * it could not forward: the Authorization header and the form body. Only
 * Bolt's start-up token check gets through.
 */
async function echoingGateway() {
  const texts: string[] = [];
  const server: Server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      if (request.url?.endsWith('/auth.test')) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ ok: true, user_id: 'UTASA', bot_id: 'BTASA' }));
        return;
      }
      const text = new URLSearchParams(raw).get('text');
      if (text) texts.push(text);
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`bad gateway for ${request.headers.authorization ?? ''}: ${raw}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    texts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('logs', () => {
  it('keep a failed Slack send’s token and message text out, and still say what failed', async () => {
    const gateway = await echoingGateway();
    cleanups.push(gateway.close);
    const { logger, output } = memoryPino();
    // Monday 10:00 in Helsinki: the weekly check-ins are due.
    const clock = fixedClock(new Date('2027-01-04T08:00:00Z'));
    const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'logs', clock });
    const tasa = await startTasa({
      config: parsedConfig(),
      store,
      logger,
      clock,
      port: 0,
      runSchedule: false,
      sleep: async () => undefined,
      slack: { mode: 'http', botToken, signingSecret, apiUrl: gateway.url },
      slackClientOptions: { retryConfig: { retries: 0 } },
    });
    cleanups.push(() => tasa.stop());
    await openCycle(tasa.cycleDeps, { name: '2027-Q1', dueDate: '2027-02-15', by: 'slack:UCOORD' });
    await tasa.core.runner.tick();

    const logged = output();
    expect(gateway.texts.length).toBeGreaterThan(0);
    expect(logged).toContain('outbox send failed');
    expect(logged).toContain('WebAPIHTTPError');
    expect(logged).not.toContain(botToken);
    for (const text of gateway.texts) expect(logged).not.toContain(text);
  });

  it('keep answers’ explanations out, saved or failing to save, even at debug level', async () => {
    // Saved, so Tasa posts it back in the answered prompt (and Slack's client logs posts at debug level).
    const saved = 'Our principal said the newcomers’ parents were not welcome at the meeting';
    // Not saved: the store fails with the explanation inside its error.
    const lost = 'The interpreter budget was cut without asking the migrant council';
    const { logger, output } = memoryPino();
    let failing = false;
    const world = await startSlackTasa('2027-01-04T08:00:00Z', {
      logger,
      store: (inner): Store => {
        const refuse = (key: string, value: unknown) => {
          if (!failing || !key.startsWith('record:')) return;
          // What a SQL driver attaches to its error: the statement and its parameters.
          const driver = Object.assign(new Error('value too long for type character varying'), {
            code: '22001',
            query: 'INSERT INTO keyv (key, value) VALUES ($1, $2)',
            parameters: [key, JSON.stringify(value)],
          });
          throw new TasaError(
            ErrorCode.StoreUnavailable,
            'store set failed',
            { backend: 'postgres', value },
            { cause: driver },
          );
        };
        return {
          ...inner,
          async set(key, value, ttlMs) {
            refuse(key, value);
            return inner.set(key, value, ttlMs);
          },
          async setMany(entries) {
            for (const { key, value } of entries) refuse(key, value);
            return inner.setMany(entries);
          },
        };
      },
    });
    cleanups.push(() => world.stop());
    const explain = async (explanation: string) => {
      const opened = world.slack.callsTo('views.open').length;
      await eeva.click('Explain and add evidence');
      await waitFor(() => world.slack.callsTo('views.open').length > opened);
      await eeva.submit({
        ...state.select('status', 'partly'),
        ...state.text('explanation', explanation),
        ...state.link(0, ''),
        ...state.link(1, ''),
        ...state.link(2, ''),
      });
    };

    await world.person('UCOORD').command('cycle start 2027-Q1 15.2.2027');
    const eeva = world.person('UEDU1');
    await waitFor(() => eeva.dms().length === 1);
    await eeva.click('Start');
    await waitFor(() => eeva.lastText().includes('question 1 of 4'));
    await explain(saved);
    await waitFor(() => eeva.lastText().includes('question 2 of 4'));
    expect(eeva.texts().join('\n')).toContain('newcomers');

    failing = true;
    const before = eeva.dms().length;
    await explain(lost);
    await waitFor(() => eeva.dms().length > before);
    expect(eeva.lastText()).toContain('try again');

    const logged = output();
    expect(logged).toContain('interaction failed');
    expect(logged).toContain('value too long');
    expect(logged).not.toContain('newcomers');
    expect(logged).not.toContain('interpreter');
    expect(logged).not.toContain(botToken);
    expect(logged).not.toContain(signingSecret);
    // Every line is JSON, for the log pipeline.
    for (const line of logged.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });
});
