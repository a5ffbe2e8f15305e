/**
 * One Tasa replica as its own process, for the multi-replica tests: the whole
 * core (engine, outbox, scheduler) on a real store, a chat port that hands
 * every message to the test's collector over HTTP, and a clock the parent
 * moves over IPC. Run: node --experimental-strip-types replica.ts '<json>'.
 */
import type { Address } from '../../src/chat/address.ts';
import type { ChatPort, MessageRef } from '../../src/chat/port.ts';
import type { MessageView } from '../../src/chat/views.ts';
import { parseConfig } from '../../src/config/load.ts';
import { createCore } from '../../src/core.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import type { Logger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';
import { i18nFor } from '../helpers/i18n.ts';
import type { Reply, ReplicaOptions, Request, SentRecord } from './protocol.ts';
import { drive } from '../helpers/drive.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as ReplicaOptions;
const reply = (message: Reply, then: () => void = () => undefined): void => {
  process.send?.(message, then);
};

const parsed = parseConfig(options.config);
if (!parsed.ok) throw new Error(`bad config: ${JSON.stringify(parsed.problems)}`);
const config = parsed.config;
const clock = fixedClock(new Date(options.start));
const store = openStore({
  url: options.storeUrl,
  dataDir: '.',
  namespace: options.namespace,
  clock,
});

// Warnings and errors go to stderr, where the test shows them when it fails;
// the rest would only slow a week of ticks down.
const line =
  (level: string) =>
  (fields: object, message: string): void => {
    const err = (fields as { err?: unknown }).err;
    const why = err instanceof Error ? `${err.message}${causeOf(err)}` : err ? String(err) : '';
    process.stderr.write(
      `[${options.name} ${clock.now().toISOString()}] ${level} ${message} ${why}\n`,
    );
  };
const causeOf = (error: Error): string =>
  error.cause instanceof Error ? ` ← ${error.cause.message}${causeOf(error.cause)}` : '';
const logger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: line('warn'),
  error: line('error'),
};

/** Every text a person reads, so the collector can tell a reminder from a check-in. */
const body = (view: MessageView): string =>
  view.blocks
    .map((b) =>
      b.type === 'fields'
        ? b.fields.map((f) => `${f.label}: ${f.value}`).join('\n')
        : 'text' in b
          ? b.text
          : '',
    )
    .filter(Boolean)
    .join('\n');

const port: ChatPort = {
  async send(to: Address, view: MessageView, sendOptions): Promise<MessageRef> {
    const header = view.blocks.find((b) => b.type === 'header');
    const record: SentRecord = {
      replica: options.name,
      to,
      ...(sendOptions?.thread ? { thread: sendOptions.thread.id } : {}),
      at: clock.now().toISOString(),
      text: view.text,
      ...(header ? { header: header.text } : {}),
      body: body(view),
      buttons: view.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])),
      ...(sendOptions?.key ? { key: sendOptions.key } : {}),
    };
    // The collector plays the platform: what it has received counts as sent,
    // even if this process dies before it hears back.
    const response = await fetch(`${options.collector}/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(record),
    });
    if (!response.ok) throw new Error(`collector answered ${response.status}`);
    const { id } = (await response.json()) as { id: string };
    return { address: to, id, conversation: `${to.kind}:${to.id}` };
  },
  async findSent(to, key) {
    const response = await fetch(`${options.collector}/find`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: `${to.kind}:${to.id}`, key }),
    });
    const { id } = (await response.json()) as { id?: string };
    return id ? { address: to, id, conversation: `${to.kind}:${to.id}` } : undefined;
  },
  // Updates and forms are not part of what is counted.
  update: async () => undefined,
  openForm: async () => undefined,
};

const { i18n, catalogue } = i18nFor(config.organization.locale);
const core = createCore({
  config,
  store,
  clock,
  logger,
  i18n,
  catalogue,
  platforms: ['slack', 'teams'],
  port,
  // Pacing is planned but never slept: the test runs days in seconds.
  sleep: async () => undefined,
  // Shorter than the 2 minutes in production: Redis expires claims by its own
  // clock, so a dead replica's message is freed after this much real time.
  sendClaimTtlMs: 20_000,
});

const actor = (person: string) => {
  const at = person.indexOf(':');
  return { platform: person.slice(0, at) as Address['platform'], id: person.slice(at + 1) };
};

async function handle(request: Request): Promise<void> {
  const started = performance.now();
  const ms = (): number => Math.round(performance.now() - started);
  switch (request.type) {
    case 'tick':
      clock.set(new Date(request.at));
      await core.runner.tick();
      reply({ type: 'ticked', id: request.id, ms: ms() });
      return;
    case 'action':
    case 'form': {
      clock.set(new Date(request.at));
      const interaction = { id: request.interaction, trigger: 'trigger' };
      try {
        const result =
          request.type === 'action'
            ? await drive(core).handleAction(actor(request.person), request.action, interaction)
            : await drive(core).submitForm(
                actor(request.person),
                request.context,
                request.values,
                interaction,
              );
        reply({ type: 'acted', id: request.id, ms: ms(), result });
      } catch (error) {
        // What a platform adapter would see: the engine let an error escape.
        const message =
          error instanceof Error ? `${error.message}${causeOf(error)}` : String(error);
        reply({ type: 'acted', id: request.id, ms: ms(), error: message });
      }
      return;
    }
    case 'stop':
      await core.runner.stop();
      await store.close();
      // Exits at once: idle HTTP keep-alive sockets would otherwise hold it for seconds.
      reply({ type: 'stopped', id: request.id }, () => process.exit(0));
      return;
  }
}

process.on('message', (request: Request) => {
  void handle(request);
});
// An orphan would keep ticking nothing and hold connections: go with the parent.
process.on('disconnect', () => process.exit(0));
reply({ type: 'ready' });
