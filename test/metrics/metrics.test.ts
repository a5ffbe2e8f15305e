import { afterEach, describe, expect, it } from 'vitest';
import { startTasa, type RunningTasa } from '../../src/app.ts';
import { createMetrics } from '../../src/metrics/metrics.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { parsedConfig } from '../helpers/world.ts';
import { startSlackTasa, waitFor } from '../slack/harness.ts';
import { scrape } from './scrape.ts';

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const one of running.splice(0)) await one.stop();
});

async function slackWorld() {
  const world = await startSlackTasa();
  running.push(world);
  return world;
}

/** Tasa with no platform: enough for the schedule and the outbox. */
async function bareTasa(options: {
  store: Store;
  clock: ReturnType<typeof fixedClock>;
  backlogTimeoutMs?: number;
}): Promise<RunningTasa> {
  const logger = memoryLogger();
  const tasa = await startTasa({
    config: parsedConfig(),
    store: options.store,
    logger,
    clock: options.clock,
    port: 0,
    runSchedule: false,
    metrics: createMetrics({
      logger,
      ...(options.backlogTimeoutMs ? { backlogTimeoutMs: options.backlogTimeoutMs } : {}),
    }),
  });
  running.push(tasa);
  return tasa;
}

describe('/metrics', () => {
  it('serves Prometheus text with Tasa’s series and the process’s', async () => {
    const world = await slackWorld();
    const metrics = await scrape(world.tasa.port);
    expect(metrics.status).toBe(200);
    expect(metrics.contentType).toContain('text/plain');
    expect(metrics.text).toContain('# TYPE tasa_command_duration_seconds histogram');
    // Present at zero before anything happened, so rate() has a series to work on.
    expect(metrics.has('tasa_messages_sent_total{platform="slack"}')).toBe(true);
    expect(metrics.has('tasa_answers_recorded_total')).toBe(true);
    expect(metrics.names()).toContain('process_cpu_user_seconds_total');
    expect(metrics.names()).toContain('nodejs_eventloop_lag_seconds');
  });

  it('counts a command, the prompts it sent, and an answer', async () => {
    const world = await slackWorld();
    const { reply } = await world.person('UCOORD').command('cycle start 2027-Q1 15.2.2027');
    expect(reply).toContain('I asked 3 contacts just now');
    const eeva = world.person('UEDU1');
    await waitFor(() => eeva.dms().length === 1);
    await eeva.click('Start');
    await waitFor(() => eeva.lastText().includes('question 1 of 4'));
    await eeva.click('Yes');
    await waitFor(() => eeva.lastText().includes('question 2 of 4'));
    await world.person('UEDU1').command('frobnicate');

    const metrics = await scrape(world.tasa.port);
    expect(metrics.value('tasa_command_duration_seconds_count{command="cycleStart"}')).toBe(1);
    // Well inside Slack's 3 seconds.
    expect(metrics.value('tasa_command_duration_seconds_bucket{le="3",command="cycleStart"}')).toBe(
      1,
    );
    expect(
      metrics.value('tasa_command_duration_seconds_sum{command="cycleStart"}'),
    ).toBeGreaterThan(0);
    // What someone typed never becomes a label: one series for every unknown command.
    expect(metrics.value('tasa_command_duration_seconds_count{command="unknown"}')).toBe(1);
    expect(metrics.text).not.toContain('frobnicate');

    expect(metrics.value('tasa_answers_recorded_total')).toBe(1);
    const posted = world.slack.callsTo('chat.postMessage').length;
    expect(posted).toBeGreaterThanOrEqual(4);
    expect(metrics.value('tasa_messages_sent_total{platform="slack"}')).toBe(posted);
    expect(metrics.value('tasa_messages_sent_total{platform="teams"}')).toBe(0);
    // The three prompts went out through the outbox, and none is left.
    expect(metrics.value('tasa_outbox_items_total{kind="checkIn",outcome="sent"}')).toBe(3);
    expect(metrics.value('tasa_outbox_backlog')).toBe(0);
  });

  it('counts the waits Slack asks for with 429 and Retry-After, and each message once', async () => {
    const world = await slackWorld();
    world.slack.rateLimitNext('chat.postMessage', 1, 1);
    await world.person('UCOORD').command('cycle start 2027-Q1 15.2.2027');
    await waitFor(() => world.slack.messagesTo('UCULT1').length === 1);
    await waitFor(() => world.slack.messagesTo('UEDU2').length === 1);

    const metrics = await scrape(world.tasa.port);
    expect(metrics.value('tasa_rate_limit_waits_total{platform="slack"}')).toBe(1);
    expect(metrics.value('tasa_rate_limit_wait_seconds_total{platform="slack"}')).toBe(1);
    expect(metrics.value('tasa_messages_sent_total{platform="slack"}')).toBe(3);
    expect(metrics.text).not.toContain('tasa_messages_failed_total{');
  });

  it('shows which replica ran a scheduled slot, which lost the claim, and what was too late', async () => {
    // Monday 10:00 in Helsinki: the 8:00 digest and the 9:00 check-ins and reminders are due.
    const clock = fixedClock(new Date('2027-01-04T08:00:00Z'));
    const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'metrics', clock });
    const first = await bareTasa({ store, clock });
    const second = await bareTasa({ store, clock });
    await first.core.runner.tick();
    await second.core.runner.tick();

    const ran = await scrape(first.port);
    const lost = await scrape(second.port);
    for (const job of ['checkIns', 'reminders', 'digest']) {
      expect(ran.value(`tasa_job_runs_total{job="${job}",outcome="ran"}`)).toBe(1);
      expect(ran.value(`tasa_job_runs_total{job="${job}",outcome="claim_lost"}`)).toBe(0);
      expect(lost.value(`tasa_job_runs_total{job="${job}",outcome="claim_lost"}`)).toBe(1);
      expect(lost.value(`tasa_job_runs_total{job="${job}",outcome="ran"}`)).toBe(0);
    }

    // Down until Tuesday 19:00: the 9:00 reminders are past the six hours' grace.
    clock.set(new Date('2027-01-05T17:00:00Z'));
    await first.core.runner.tick();
    const late = await scrape(first.port);
    expect(late.value('tasa_job_runs_total{job="reminders",outcome="skipped_late"}')).toBe(1);
  });

  it('reads the outbox backlog on each scrape, and gives up on a slow store rather than hang', async () => {
    const clock = fixedClock(new Date('2027-01-04T08:00:00Z'));
    const inner = openStore({ url: 'memory:', dataDir: '.', namespace: 'metrics', clock });
    let slow: Promise<void> | undefined;
    const store: Store = {
      ...inner,
      get: async <T>(key: string) => {
        if (slow && key.startsWith('outbox:')) await slow;
        return inner.get<T>(key);
      },
    };
    const tasa = await bareTasa({ store, clock, backlogTimeoutMs: 200 });
    const to = { platform: 'slack', kind: 'person', id: 'UEDU1' } as const;
    const payload = { person: 'slack:UEDU1', cycle: '2027-Q1', day: '2027-01-04' };
    await tasa.core.outbox.enqueue('metrics-test', [
      { key: 'a', kind: 'checkIn', to, payload },
      { key: 'b', kind: 'checkIn', to, payload },
    ]);
    expect((await scrape(tasa.port)).value('tasa_outbox_backlog')).toBe(2);

    let release = (): void => undefined;
    slow = new Promise((resolve) => {
      release = resolve;
    });
    const started = Date.now();
    const stalled = await scrape(tasa.port);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(stalled.status).toBe(200);
    // Unknown, not zero: a dashboard shows a gap rather than an empty outbox.
    expect(stalled.value('tasa_outbox_backlog')).toBeNaN();

    // Once the store answers again, so does the gauge.
    slow = undefined;
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await scrape(tasa.port)).value('tasa_outbox_backlog')).toBe(2);
  });
});

describe('/readyz', () => {
  it('lists the store, the config and every platform that is on; 503 when the store is down', async () => {
    const world = await slackWorld();
    const ready = await fetch(`http://127.0.0.1:${world.tasa.port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { config: true, store: true, slack: true },
    });

    const clock = fixedClock(new Date('2027-01-04T08:00:00Z'));
    const inner = openStore({ url: 'memory:', dataDir: '.', namespace: 'ready', clock });
    let down: 'no' | 'refused' | 'hanging' = 'no';
    const store: Store = {
      ...inner,
      ping: () =>
        down === 'refused'
          ? Promise.reject(new Error('connection refused'))
          : down === 'hanging'
            ? new Promise<void>(() => undefined)
            : inner.ping(),
    };
    const tasa = await startTasa({
      config: parsedConfig(),
      store,
      logger: memoryLogger(),
      clock,
      port: 0,
      runSchedule: false,
      slack: {
        mode: 'http',
        botToken: 'xoxb-test-token',
        signingSecret: 'test-signing-secret',
        apiUrl: `${world.slack.url}/api/`,
      },
      teams: { anonymous: true },
    });
    running.push(tasa);
    const readyz = async () => {
      const response = await fetch(`http://127.0.0.1:${tasa.port}/readyz`);
      return { status: response.status, body: (await response.json()) as unknown };
    };

    expect(await readyz()).toEqual({
      status: 200,
      body: { status: 'ready', checks: { config: true, store: true, slack: true, teams: true } },
    });
    down = 'refused';
    expect(await readyz()).toEqual({
      status: 503,
      body: {
        status: 'not_ready',
        checks: { config: true, store: false, slack: true, teams: true },
      },
    });
    // A store that never answers is not ready either, and the probe still gets its answer.
    down = 'hanging';
    const started = Date.now();
    expect((await readyz()).status).toBe(503);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
