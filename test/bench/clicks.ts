/**
 * Benchmark (d): what one answer click costs the store. A department contact
 * of the benchmark's organisation starts a key factor of a newly opened
 * cycle, answers its first question "Yes", and then a second one, in the
 * middle of the key factor; only that second click is counted. Every call
 * the core makes through the Store (get, getMany, set, delete, claim,
 * release) is recorded by a counting wrapper, and the claims of record locks
 * (`lock:record:…`) are counted apart: each is a round trip to the database
 * and, with several replicas, a point where clicks wait for each other.
 *
 * The click goes in as a platform hands it over, through the core's one way
 * in (`core.inbound.receive`), with a delivery id, the message clicked and a
 * trigger, on a store of the benchmark's backend: an embedded SQLite file of
 * its own, so the slash-command benchmark's file is not changed.
 */
import { join } from 'node:path';
import type { Action } from '../../src/chat/actions.ts';
import type { MessageRef } from '../../src/chat/port.ts';
import { loadCatalogue } from '../../src/catalogue/load.ts';
import { createCore } from '../../src/core.ts';
import { openCycle } from '../../src/cycles/lifecycle.ts';
import { createI18n } from '../../src/i18n/create.ts';
import { readResources } from '../../src/i18n/resources.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';
import { countingStore, type StoreCall } from '../helpers/counting-store.ts';
import { createFakeChat } from '../helpers/fake-chat.ts';
import { benchNamespace, benchNow, benchToday, organisation } from './generate.ts';

export interface ClickCost {
  /** Store calls of the one measured click, in the order made. */
  calls: StoreCall[];
  /** Of those, claims of a record lock. */
  recordLocks: number;
}

export async function answerClickCost(options: { dir: string }): Promise<ClickCost> {
  const clock = fixedClock(new Date(benchNow));
  const counted = countingStore(
    openStore({
      url: `sqlite://${join(options.dir, 'clicks.sqlite')}`,
      dataDir: options.dir,
      namespace: benchNamespace,
      clock,
    }),
  );
  const { config } = organisation();
  const i18n = createI18n(readResources(), config.organization.locale);
  const chat = createFakeChat();
  let virtual = 0;
  const core = createCore({
    config,
    store: counted.store,
    clock,
    logger: memoryLogger(),
    i18n,
    catalogue: loadCatalogue(i18n),
    platforms: ['slack', 'teams'],
    port: chat.port,
    // Pacing on a virtual clock: the waits are skipped, the store calls are the same.
    sleep: async (ms) => void (virtual += ms),
    now: () => virtual,
  });
  const cycle = 'clicks';
  try {
    const opened = await openCycle(core.cycleDeps, {
      by: 'slack:U0COORD1',
      name: cycle,
      dueDate: '2027-12-31',
    });
    if (!opened.ok) throw new Error(`could not open a cycle: ${JSON.stringify(opened)}`);
    const actor = { platform: 'slack' as const, id: 'U0D001' };
    await core.engine.deliverCheckIn(`slack:${actor.id}`, cycle, benchToday);

    let serial = 0;
    /** Presses the first button, on the newest message that has one, whose action `wanted` accepts. */
    const click = async (wanted: (action: Action) => boolean): Promise<void> => {
      for (const message of [...chat.to(actor.id)].reverse()) {
        const button = chat.buttons(message.view).find((b) => wanted(b.action));
        if (button) return press(actor, button.action, message.ref, `click-${++serial}`);
      }
      throw new Error(`no button for ${actor.id} that the benchmark looks for`);
    };
    const press = async (
      who: typeof actor,
      action: Action,
      message: MessageRef,
      delivery: string,
    ): Promise<void> =>
      void (await core.inbound.receive({
        kind: 'click',
        actor: who,
        action,
        delivery,
        message,
        trigger: 'trigger',
      }));
    const yes = (a: Action): boolean => a.kind === 'answer' && a.status === 'yes';

    await click((a) => a.kind === 'start');
    await click(yes);
    counted.reset();
    await click(yes);
    return { calls: [...counted.calls], recordLocks: counted.locks('record:') };
  } finally {
    await counted.store.close();
  }
}
