import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Action } from '../../src/chat/actions.ts';
import type { Button } from '../../src/chat/views.ts';
import type { FormValues } from '../../src/chat/actor.ts';
import type { CheckInAction } from '../../src/checkins/engine.ts';
import { createCore } from '../../src/core.ts';
import { parseConfig } from '../../src/config/load.ts';
import type { OrganizationConfig } from '../../src/config/schema.ts';
import { closeCycle, openCycle } from '../../src/cycles/lifecycle.ts';
import { createDirectory } from '../../src/people/directory.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryLogger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { createFakeChat, type SentMessage } from './fake-chat.ts';
import { drive } from './drive.ts';
import { i18nFor } from './i18n.ts';

/** A small city: two departments, two contacts in education, one in culture. */
export const cityConfig = `organization: { name: Testikaupunki, locale: en, timezone: Europe/Helsinki, holidays: FI }
frameworks: [integrating-cities, eccar-10-point]
coordinators: [ { slack: UCOORD, name: Kaisa Koordinaattori } ]
channels: { coordination: { slack: CCOORD }, steering: { slack: CSTEER } }
departments:
  - id: education
    name: { fi: Kasvatus ja koulutus, sv: Fostran och utbildning, en: Education }
    contacts: [ { slack: UEDU1, name: Eeva Opettaja }, { slack: UEDU2, name: Erkki Rehtori } ]
    keyFactors: [KF01, KF06]
  - id: culture
    name: { fi: Kulttuuri, sv: Kultur, en: Culture }
    contacts: [ { slack: UCULT1, name: Kalle Kulttuuri } ]
    keyFactors: [KF04]
`;

export function parsedConfig(source = cityConfig): OrganizationConfig {
  const result = parseConfig(source);
  if (!result.ok) throw new Error(`bad test config: ${JSON.stringify(result.problems)}`);
  return result.config;
}

export const exampleConfig = (): OrganizationConfig =>
  parsedConfig(
    readFileSync(new URL('../../src/config/tasa.example.yaml', import.meta.url), 'utf8'),
  );

/** Local date in Helsinki; enough for tests that stay away from midnight. */
export const helsinkiDate = (instant: Date): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(instant);

/** A whole Tasa core on a fake chat platform, with people who click and type. */
export function createWorld(
  options: { config?: OrganizationConfig; store?: Store; now?: string } = {},
) {
  const config = options.config ?? parsedConfig();
  const clock = fixedClock(new Date(options.now ?? '2027-01-04T08:00:00Z'));
  const store =
    options.store ?? openStore({ url: 'memory:', dataDir: '.', namespace: 'test', clock });
  const chat = createFakeChat();
  const logger = memoryLogger();
  const { i18n, catalogue } = i18nFor(config.organization.locale);
  const directory = createDirectory(config, ['slack', 'teams']);
  const deps = { store, clock, config, catalogue, localDate: helsinkiDate };
  const core = createCore({
    config,
    store,
    clock,
    logger,
    i18n,
    catalogue,
    platforms: ['slack', 'teams'],
    port: chat.port,
    // The fake platform has no pace to keep: conversations run at once.
    sleep: () => Promise.resolve(),
  });
  const { engine } = core;
  const tap = drive(core);

  function person(id: string, locale?: string) {
    const actor = { platform: 'slack' as const, id, ...(locale ? { locale } : {}) };
    const findButton = (
      label: string | RegExp,
      message?: SentMessage,
    ): { button: Button; message: SentMessage } => {
      const candidates = message ? [message] : [...chat.to(id)].reverse();
      for (const m of candidates) {
        const button = chat
          .buttons(m.view)
          .find((b) => (typeof label === 'string' ? b.label === label : label.test(b.label)));
        if (button) return { button, message: m };
      }
      throw new Error(
        `${id} has no button “${String(label)}”; last message: ${chat.text(chat.last(id)?.view ?? { text: '', blocks: [] })}`,
      );
    };
    return {
      id,
      actor,
      /** Presses a button on the newest message that has it (or on the given message). */
      async click(
        label: string | RegExp,
        message?: SentMessage,
        interactionId: string = randomUUID(),
      ) {
        const found = findButton(label, message);
        await tap.handleAction(actor, found.button.action, {
          id: interactionId,
          message: found.message.ref,
          trigger: 'trigger',
        });
        return found;
      },
      async act(action: Action, interactionId: string = randomUUID()) {
        await tap.handleAction(actor, action, { id: interactionId, trigger: 'trigger' });
      },
      /** Submits the newest form opened for this person. */
      async submit(values: FormValues, interactionId: string = randomUUID()) {
        const opened = [...chat.forms].reverse().find((f) => f.to.id === id);
        if (!opened) throw new Error(`no form opened for ${id}`);
        return tap.submitForm(actor, opened.form.context, values, { id: interactionId });
      },
      /**
       * Saves the newest form without the inbound port's checks first: what the
       * save itself does with values it refuses (keeps the rest, says what was not saved).
       */
      async saveUnchecked(values: FormValues) {
        const opened = [...chat.forms].reverse().find((f) => f.to.id === id);
        if (!opened) throw new Error(`no form opened for ${id}`);
        const about = opened.form.context;
        if (about.kind.startsWith('action')) throw new Error('only check-in forms');
        const person = directory.canonicalKey(actor);
        const language = config.organization.locale;
        const who = { person, actor, language, t: i18n.getFixedT(language) };
        return engine.submit(who, about as CheckInAction, values);
      },
      messages: () => chat.to(id),
      last: () => {
        const message = chat.last(id);
        expect(message, `a message to ${id}`).toBeDefined();
        return message as SentMessage;
      },
      lastText: () => chat.text(chat.last(id)?.view ?? { text: '', blocks: [] }),
    };
  }

  return {
    config,
    clock,
    store,
    chat,
    logger,
    engine,
    core,
    inbound: core.inbound,
    directory,
    catalogue,
    i18n,
    person,
    open: (request: { name?: string; dueDate?: string; by?: string; supersede?: boolean } = {}) =>
      openCycle(deps, { by: 'slack:UCOORD', ...request }),
    close: () => closeCycle(deps, 'slack:UCOORD'),
    cycleDeps: deps,
  };
}

export type World = ReturnType<typeof createWorld>;
