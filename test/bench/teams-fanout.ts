/**
 * A check-in fan-out to 1,000 Teams contacts against a fake Bot Connector
 * that enforces Teams' documented limits (limited-teams.ts), in two shapes:
 *
 * - with a personal chat already stored for everyone: one call a person;
 * - without: Tasa has only seen them in a team, so it opens each personal
 *   chat first (POST /v3/conversations), two calls a person, and the
 *   creations count against the tenant's 50 calls a second too.
 *
 * Tasa is wired as startTasa wires it (createCore: outbox, paced port,
 * check-in engine; the Teams adapter's port with the Agents SDK, its
 * production retry policy and its limiter), minus the HTTP server. Measured
 * as in fanout.ts: from the start of fanOutCheckIns to the last accepted
 * message, against the least time the limits allow; lost and duplicate
 * messages against the outbox's own record.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Activity } from '@microsoft/agents-activity';
import { fanOutConfig } from './fanout.ts';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { fanOutCheckIns } from '../../src/checkins/schedule.ts';
import type { OrganizationConfig } from '../../src/config/schema.ts';
import { createCore } from '../../src/core.ts';
import { defaultSendConcurrency } from '../../src/env.ts';
import { openCycle } from '../../src/cycles/lifecycle.ts';
import { routerPort } from '../../src/delivery/router.ts';
import { createI18n } from '../../src/i18n/create.ts';
import { readResources } from '../../src/i18n/resources.ts';
import type { OutboxItem } from '../../src/outbox/items.ts';
import { configuredPeople } from '../../src/people/configured.ts';
import { createPlatformMemoryRepository } from '../../src/people/platform-memory-repository.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';
import { createTeamsAdapter } from '../../src/teams/adapter.ts';
import { teamsLimits } from '../../src/teams/limits.ts';
import { referenceBook, type TeamsMemory } from '../../src/teams/references.ts';
import { startRemoteLimitedTeams, type TeamsRecord } from './limited-teams-process.ts';

export interface TeamsFanOutResult {
  people: number;
  /** Whether everyone's personal chat was stored before the fan-out. */
  stored: boolean;
  /** Bot Connector calls the limits allow a second per tenant. */
  perSecond: number;
  calls: number;
  seconds: number;
  lowerBoundSeconds: number;
  firstMessageSeconds: number;
  delivered: number;
  created: number;
  lost: number;
  duplicates: number;
  pending: number;
  refused: { conversation: number; tenant: number };
  capped: boolean;
}

const monday = '2027-01-11';
const mondayAt9 = '2027-01-11T07:00:00.000Z';
const batch = `checkIns:${monday}T09:00`;
const tenantId = 'bench-tenant';
const botId = '28:tasa-bench';

const pad = (n: number): string => String(n).padStart(4, '0');
const contactOf = (i: number): string => `29:f${pad(i)}`;
const personalChatOf = (user: string): string => `a:personal-${user}`;

const teamsFanOutConfig = (people: number): OrganizationConfig =>
  fanOutConfig(people, {
    platform: 'teams',
    coordinator: '29:coord',
    channel: '19:coordination@thread.tacv2',
    contactOf,
  });

/** Calls in groups of `perSecond`, one second apart: the last group goes ⌈calls ÷ perSecond⌉ − 1 s after the first. */
export const teamsLowerBound = (calls: number, perSecond: number): number =>
  Math.ceil(calls / perSecond) - 1;

export async function teamsFanOutBench(options: {
  people: number;
  stored: boolean;
  capMs: number;
  log: (line: string) => void;
}): Promise<TeamsFanOutResult> {
  const { people, stored } = options;
  const teams = await startRemoteLimitedTeams();
  const dir = mkdtempSync(join(tmpdir(), 'tasa-teams-fanout-'));
  const clock = fixedClock(new Date(mondayAt9));
  const store = openStore({
    url: `sqlite://${join(dir, 'fanout.sqlite')}`,
    dataDir: dir,
    namespace: 'fanout',
    clock,
  });
  const config = teamsFanOutConfig(people);
  const logger = memoryLogger();
  const i18n = createI18n(readResources(), config.organization.locale);
  const catalogue = loadCatalogue(i18n);
  const memory: TeamsMemory = createPlatformMemoryRepository(store, 'teams', () =>
    clock.now().getTime(),
  );
  const book = referenceBook(memory);
  for (let i = 1; i <= people; i++) {
    const user = contactOf(i);
    if (stored) {
      const reference = Activity.fromObject({
        type: 'message',
        channelId: 'msteams',
        serviceUrl: teams.url,
        from: { id: user },
        recipient: { id: botId },
        conversation: { id: personalChatOf(user), conversationType: 'personal', tenantId },
      }).getConversationReference();
      await book.saveConversation(user, reference, 'fi-FI');
    } else {
      await book.saveMember(
        user,
        { userId: user, serviceUrl: teams.url, channelId: 'msteams', bot: { id: botId }, tenantId },
        'fi-FI',
      );
    }
  }
  // The production adapter: no clientOptions, so Teams' limits and retries are as in main.ts.
  const adapter = createTeamsAdapter(
    { anonymous: true },
    { memory, logger, people: configuredPeople(config, 'teams') },
  );
  const core = createCore({
    config,
    store,
    clock,
    logger,
    i18n,
    catalogue,
    platforms: ['teams'],
    port: routerPort({ teams: adapter.port }),
    // As main.ts runs it by default (TASA_SEND_CONCURRENCY).
    outboxConcurrency: defaultSendConcurrency,
    now: () => performance.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  const perSecond = teamsLimits.perTenant[0].calls;
  const calls = people * (stored ? 1 : 2);
  try {
    const opened = await openCycle(
      { store, clock, config, catalogue, localDate: core.calendar.localDate },
      { by: 'teams:29:coord' },
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
    options.log(
      `teams fan-out: ${people} check-ins ${stored ? 'with' : 'without'} a stored personal chat, ${calls} calls at most ${perSecond}/s; lower bound ${teamsLowerBound(calls, perSecond)} s …`,
    );
    const clockNow = () => performance.timeOrigin + performance.now();
    let capped = false;
    const start = clockNow();
    let end = 0;
    const watch = setInterval(() => {
      if (clockNow() - start >= options.capMs) {
        capped = true;
        end = clockNow();
        core.outbox.stop();
        clearInterval(watch);
      }
    }, 250);
    await fanOutCheckIns(deps, cycle, monday, batch);
    while (!capped && (await core.outbox.backlog()) > 0) await core.outbox.drain();
    clearInterval(watch);
    const record: TeamsRecord = await teams.record();
    if (!capped) end = record.accepted.at(-1)?.at ?? clockNow();
    const delivered = record.accepted.filter((a) => a.kind === 'message');
    const counts = new Map<string, number>();
    for (const message of delivered)
      counts.set(message.conversation, (counts.get(message.conversation) ?? 0) + 1);
    let lost = 0;
    let duplicates = 0;
    let pending = 0;
    for (let i = 1; i <= people; i++) {
      const user = contactOf(i);
      const item = await store.get<OutboxItem>(`outbox:item:${batch}:teams:${user}`);
      const n = counts.get(personalChatOf(user)) ?? 0;
      duplicates += Math.max(0, n - 1);
      if (!item || item.state === 'pending') pending++;
      else if (n === 0) lost++;
    }
    return {
      people,
      stored,
      perSecond,
      calls,
      seconds: (end - start) / 1000,
      lowerBoundSeconds: teamsLowerBound(calls, perSecond),
      firstMessageSeconds: ((record.accepted[0]?.at ?? end) - start) / 1000,
      delivered: delivered.length,
      created: record.accepted.filter((a) => a.kind === 'create').length,
      lost,
      duplicates,
      pending,
      refused: { ...record.refused },
      capped,
    };
  } finally {
    await adapter.stop();
    await store.close();
    await teams.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
