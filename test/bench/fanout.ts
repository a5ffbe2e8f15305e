/**
 * Benchmark (a): one check-in fan-out to 1,000 departments' contacts, each a
 * different Slack user, against a fake Slack that enforces the message limits
 * (limited-slack.ts).
 *
 * Tasa is wired as startTasa wires it (createCore: outbox, paced port,
 * check-in engine; the Slack adapter's port and its real WebClient with the
 * production retry policy), minus the HTTP server, which a fan-out does not
 * use. The fan-out is fanOutCheckIns, as the scheduled check-in job calls it,
 * on the embedded SQLite store.
 *
 * Measured: wall time from the start of fanOutCheckIns until the fake has
 * accepted the last message, against the least time the fake's limits allow
 * for that many messages. Lost and duplicate messages are counted at the fake
 * against the outbox's own record.
 *
 * The run is stopped (the outbox is told to stop, as on shutdown) at a cap,
 * or earlier, after a while, once the target can no longer be met even if
 * every remaining message went out at full pace: running on would only cost
 * time. What is not sent by then is still pending in the outbox, which is not
 * lost; the table then shows a projected time instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { platformPace } from '../../src/delivery/pacing.ts';
import { routerPort } from '../../src/delivery/router.ts';
import { parseConfig } from '../../src/config/load.ts';
import type { OrganizationConfig } from '../../src/config/schema.ts';
import { createCore } from '../../src/core.ts';
import { openCycle } from '../../src/cycles/lifecycle.ts';
import { createI18n } from '../../src/i18n/create.ts';
import { readResources } from '../../src/i18n/resources.ts';
import { fanOutCheckIns, peopleWithOpenWork } from '../../src/checkins/schedule.ts';
import type { OutboxItem } from '../../src/outbox/items.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { createSlackAdapter } from '../../src/slack/adapter.ts';
import { openStore } from '../../src/store/open.ts';
import { dmChannelOf } from '../helpers/fake-slack-api.ts';
import { startLimitedSlack, type Limits } from './limited-slack.ts';

export interface FanOutResult {
  people: number;
  limits: Limits;
  /** Tasa's pace in real time (platformPace.slack run `scale` times fast). */
  pace: { perSecond: number; perConversationMs: number };
  /** Start of fanOutCheckIns to the last accepted message (to the cap, if it was hit). */
  seconds: number;
  /** The least time the limits allow between the first and the last message. */
  lowerBoundSeconds: number;
  /** Start to the first accepted message: who to ask, recording the outbox, the first send. */
  firstMessageSeconds: number;
  /** peopleWithOpenWork alone, timed once before the fan-out (it runs again inside it). */
  whoToAskSeconds: number;
  /** Messages the fake accepted. */
  delivered: number;
  /** Outbox items not yet sent when the cap was hit: not lost, the outbox sends them later. */
  pending: number;
  /** People whose item is done (sent, skipped or failed) without a message at the fake. */
  lost: number;
  /** Messages beyond the first to one person. */
  duplicates: number;
  /** 429 answers the fake gave, by limit. */
  refused: { channel: number; workspace: number };
  /** Gaps between accepted messages longer than twice the pace's spacing, less that spacing, summed: what the 429s cost. */
  stalledSeconds: number;
  capped: boolean;
  /** When each message was accepted, ms after the first (not printed; for a closer look). */
  arrivals: number[];
}

/** A Monday at 09:00 in Helsinki (the default check-in slot), not a public holiday. */
const monday = '2027-01-11';
const mondayAt9 = '2027-01-11T07:00:00.000Z';
const batch = `checkIns:${monday}T09:00`;

const pad = (n: number): string => String(n).padStart(4, '0');
const contactOf = (i: number): string => `U1F${pad(i)}`;

/** Who the coordinator, the channel and each contact are on a platform. */
export interface FanOutPeople {
  platform: 'slack' | 'teams';
  coordinator: string;
  channel: string;
  contactOf(i: number): string;
}

const slackPeople: FanOutPeople = {
  platform: 'slack',
  coordinator: 'U0COORD1',
  channel: 'C0COORD',
  contactOf,
};

/** `people` departments with one contact each, asked every key factor, read by the real config parser. */
export function fanOutConfig(people: number, on: FanOutPeople = slackPeople): OrganizationConfig {
  const yaml = stringify({
    organization: {
      name: 'Fan-out City',
      locale: 'fi',
      timezone: 'Europe/Helsinki',
      holidays: 'FI',
    },
    frameworks: ['integrating-cities'],
    coordinators: [{ [on.platform]: on.coordinator, name: 'Kaisa Koordinaattori' }],
    channels: { coordination: { [on.platform]: on.channel } },
    departments: Array.from({ length: people }, (_, i) => ({
      id: `d${pad(i + 1)}`,
      name: { fi: `Yksikkö ${i + 1}`, sv: `Enhet ${i + 1}`, en: `Unit ${i + 1}` },
      contacts: [{ [on.platform]: on.contactOf(i + 1), name: `Yhteyshenkilö ${i + 1}` }],
      keyFactors: 'all',
    })),
  });
  const parsed = parseConfig(yaml);
  if (!parsed.ok)
    throw new Error(`fan-out config does not parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.config;
}

/**
 * The least time `messages` messages to different channels can take under a
 * workspace limit of `perSecond` in any one-second window: they go in groups
 * of `perSecond`, one second apart, so the last group goes
 * (ceil(messages / perSecond) − 1) seconds after the first. (Sent evenly, as
 * Tasa's pacer sends them, they take (messages − 1) / perSecond: 99.9 s
 * instead of 99 s for 1,000 at 10/s.)
 */
export const lowerBoundSeconds = (messages: number, perSecond: number): number =>
  Math.ceil(messages / perSecond) - 1;

export async function fanOutBench(options: {
  people: number;
  /** Runs the paced port's clock this many times fast; 1 is Slack's real pace. */
  scale: number;
  limits: Limits;
  capMs: number;
  /** Stop once past this and the target time can no longer be met. */
  minimumMs: number;
  /** The time the target allows, from the start of the fan-out. */
  targetSeconds: number;
  log: (line: string) => void;
}): Promise<FanOutResult> {
  const { people, limits, scale } = options;
  const slack = await startLimitedSlack(limits);
  const dir = mkdtempSync(join(tmpdir(), 'tasa-fanout-'));
  const clock = fixedClock(new Date(mondayAt9));
  const store = openStore({
    url: `sqlite://${join(dir, 'fanout.sqlite')}`,
    dataDir: dir,
    namespace: 'fanout',
    clock,
  });
  const config = fanOutConfig(people);
  // Kept, not printed: every 429 is a warning, and the table counts them.
  const logger = memoryLogger();
  const i18n = createI18n(readResources(), config.organization.locale);
  const catalogue = loadCatalogue(i18n);
  // No clientOptions: the WebClient retries as in production (main.ts passes none).
  const adapter = createSlackAdapter(
    {
      mode: 'http',
      botToken: 'xoxb-bench',
      signingSecret: 'bench-secret',
      apiUrl: `${slack.url}/api/`,
    },
    logger,
  );
  const core = createCore({
    config,
    store,
    clock,
    logger,
    i18n,
    catalogue,
    platforms: ['slack'],
    port: routerPort({ slack: adapter.port }),
    // createCore takes no pace, but the paced port's clock is injectable: run `scale` times
    // fast, its pace in real time is platformPace × scale. At 1 this is the production pacing.
    now: () => performance.now() * scale,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / scale)),
  });
  const pace = {
    perSecond: platformPace.slack.perSecond * scale,
    perConversationMs: platformPace.slack.perConversationMs / scale,
  };
  try {
    const opened = await openCycle(
      { store, clock, config, catalogue, localDate: core.calendar.localDate },
      { by: 'slack:U0COORD1' },
    );
    if (!opened.ok) throw new Error(`could not open the cycle: ${opened.code}`);
    const cycle = opened.cycle;
    const deps = {
      store,
      outbox: core.outbox,
      directory: core.directory,
      calendar: core.calendar,
      logger,
    };

    const asked = performance.now();
    await peopleWithOpenWork(store, core.directory, cycle);
    const whoToAskSeconds = (performance.now() - asked) / 1000;

    options.log(
      `fan-out: ${people} check-ins; Tasa paces Slack at ${pace.perSecond}/s and ${pace.perConversationMs} ms per conversation, the fake allows ${limits.perSecond}/s and ${limits.perChannelMs} ms per channel; lower bound ${lowerBoundSeconds(people, limits.perSecond)} s (stops early once the target is out of reach) …`,
    );
    let capped = false;
    const start = performance.now();
    let end = 0;
    const watch = setInterval(() => {
      const elapsed = performance.now() - start;
      const remaining = people - slack.accepted.length;
      const soonest = elapsed / 1000 + Math.max(0, remaining - 1) / limits.perSecond;
      const hopeless = elapsed >= options.minimumMs && soonest > options.targetSeconds;
      if (remaining > 0 && (elapsed >= options.capMs || hopeless)) {
        capped = true;
        end = performance.now();
        // Ends a drain after the item in hand, as on shutdown.
        core.outbox.stop();
        clearInterval(watch);
      }
    }, 250);
    await fanOutCheckIns(deps, cycle, monday, batch);
    // A drain gives up after three failures in a row; the runner drains again every minute
    // in production, here at once, so a give-up shows as time rather than as missing messages.
    while (!capped && (await core.outbox.backlog()) > 0) await core.outbox.drain();
    clearInterval(watch);
    if (!capped) end = performance.now();

    // Only what arrived before the stop counts; the item in hand may still land after it.
    const accepted = slack.accepted.filter((a) => a.at <= end);
    const first = accepted[0]?.at ?? end;
    const last = capped ? end : (accepted.at(-1)?.at ?? end);
    const counts = new Map<string, number>();
    // Every message, also one that landed after the stop, against the outbox's record.
    for (const message of slack.accepted)
      counts.set(message.channel, (counts.get(message.channel) ?? 0) + 1);
    let lost = 0;
    let duplicates = 0;
    let pending = 0;
    for (let i = 1; i <= people; i++) {
      const person = `slack:${contactOf(i)}`;
      const item = await store.get<OutboxItem>(`outbox:item:${batch}:${person}`);
      const n = counts.get(dmChannelOf(contactOf(i))) ?? 0;
      duplicates += Math.max(0, n - 1);
      if (!item || item.state === 'pending') pending++;
      else if (n === 0) lost++;
    }
    const spacing = 1000 / pace.perSecond;
    let stalled = 0;
    for (let i = 1; i < accepted.length; i++) {
      // Only real stalls: the pacer's own jitter is a few ms either way.
      const gap = accepted[i]!.at - accepted[i - 1]!.at;
      if (gap > 2 * spacing) stalled += gap - spacing;
    }
    return {
      people,
      limits,
      pace,
      seconds: (last - start) / 1000,
      lowerBoundSeconds: lowerBoundSeconds(people, limits.perSecond),
      firstMessageSeconds: (first - start) / 1000,
      whoToAskSeconds,
      delivered: accepted.length,
      pending,
      lost,
      duplicates,
      refused: { ...slack.refused },
      stalledSeconds: stalled / 1000,
      capped,
      arrivals: accepted.map((a) => a.at - first),
    };
  } finally {
    await store.close();
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
