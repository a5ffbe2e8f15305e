import { describe, expect, it } from 'vitest';
import type { Address } from '../../src/chat/address.ts';
import { RateLimitedError, UnreachableError, type ChatPort } from '../../src/chat/port.ts';
import type { MessageView } from '../../src/chat/views.ts';
import { createCore } from '../../src/core.ts';
import { createMetrics } from '../../src/metrics/metrics.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';
import { createFakeChat } from '../helpers/fake-chat.ts';
import { i18nFor } from '../helpers/i18n.ts';
import { parsedConfig } from '../helpers/world.ts';
import { parseMetrics } from './scrape.ts';

const hello: MessageView = { text: 'hello', blocks: [{ type: 'text', text: 'hello' }] };
const teams = (id: string): Address => ({ platform: 'teams', kind: 'person', id });

/**
 * The core on a platform that throttles and loses people, as Teams does once
 * its own retries are spent: RateLimitedError to the paced port, UnreachableError
 * for someone who removed the app.
 */
function throttledCore() {
  const clock = fixedClock(new Date('2027-01-04T08:00:00Z'));
  const logger = memoryLogger();
  const metrics = createMetrics({ logger, processMetrics: false });
  const chat = createFakeChat();
  let throttled = 2;
  const port: ChatPort = {
    ...chat.port,
    send: async (to, view, options) => {
      if (to.id === '29:gone') throw new UnreachableError('BotNotInConversationRoster');
      if (throttled-- > 0) throw new RateLimitedError(2_000);
      return chat.port.send(to, view, options);
    },
  };
  const { i18n, catalogue } = i18nFor('en');
  const waits: number[] = [];
  // Virtual time for pacing: waits are recorded, not slept.
  let virtual = 0;
  const core = createCore({
    config: parsedConfig(),
    store: openStore({ url: 'memory:', dataDir: '.', namespace: 'sends', clock }),
    clock,
    logger,
    i18n,
    catalogue,
    platforms: ['slack', 'teams'],
    port,
    sleep: async (ms) => {
      waits.push(ms);
      virtual += ms;
    },
    now: () => virtual,
    metrics,
  });
  return { core, chat, waits, read: async () => parseMetrics(await metrics.registry.metrics()) };
}

describe('sending, as the dashboard counts it', () => {
  it('counts each rate-limit wait and its seconds, and the message once when it gets through', async () => {
    const { core, chat, waits, read } = throttledCore();
    await core.engine.context.port.send(teams('29:eeva'), hello);
    expect(chat.messages).toHaveLength(1);

    const metrics = await read();
    expect(metrics.value('tasa_rate_limit_waits_total{platform="teams"}')).toBe(2);
    const waited = waits.filter((ms) => ms >= 2_000);
    expect(waited).toHaveLength(2);
    expect(metrics.value('tasa_rate_limit_wait_seconds_total{platform="teams"}')).toBeCloseTo(
      (waited[0]! + waited[1]!) / 1000,
    );
    expect(metrics.value('tasa_messages_sent_total{platform="teams"}')).toBe(1);
    expect(metrics.text).not.toContain('tasa_messages_failed_total{');
  });

  it('counts a message that cannot be delivered by platform and reason', async () => {
    const { core, read } = throttledCore();
    await expect(core.engine.context.port.send(teams('29:gone'), hello)).rejects.toBeInstanceOf(
      UnreachableError,
    );
    const metrics = await read();
    expect(metrics.value('tasa_messages_failed_total{platform="teams",reason="unreachable"}')).toBe(
      1,
    );
    expect(metrics.value('tasa_messages_sent_total{platform="teams"}')).toBe(0);
  });
});
