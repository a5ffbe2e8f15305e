import type { i18n } from 'i18next';
import type { Catalogue } from '../catalogue/load.ts';
import type { ChatPort, MessageRef } from '../chat/port.ts';
import type { MessageView } from '../chat/views.ts';
import type { OrganizationConfig } from '../config/schema.ts';
import type { Cycle, FrozenKeyFactor, FrozenQuestion } from '../cycles/cycle.ts';
import type { Answer } from './answer.ts';
import type { Actor } from '../chat/actor.ts';
import { translatorFor, type Translator } from '../i18n/create.ts';
import { isLanguage, type Language } from '../i18n/languages.ts';
import { noMetrics, type MetricsSink } from '../metrics/sink.ts';
import type { Directory } from '../people/directory.ts';
import { createHandOverRepository } from '../people/hand-overs-repository.ts';
import { createNaming } from '../people/naming.ts';
import { personState, updatePersonState } from '../people/preferences.ts';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import type { Store } from '../store/store.ts';
import { createPromptRepository } from './prompt-repository.ts';
import type { Reader } from './reader.ts';
import { emptyRecord, getRecords, type DepartmentRecord } from './record-repository.ts';

/** What the check-in engine is built from. */
export interface EngineDeps {
  store: Store;
  port: ChatPort;
  clock: Clock;
  logger: Logger;
  config: OrganizationConfig;
  catalogue: Catalogue;
  i18n: i18n;
  directory: Directory;
  /** The local date of an instant in the organisation's time zone. */
  localDate(instant: Date): string;
  /** Counters the handlers report to (answers recorded, command timings). */
  metrics?: MetricsSink;
  /** Told of every saved answer, e.g. so that a peer review hears an answer is back. */
  afterAnswer?: (ctx: EngineContext, change: AnswerChange) => Promise<void>;
}

/** An answer just saved, and the one it replaced. */
export interface AnswerChange {
  cycle: Cycle;
  department: string;
  keyFactor: FrozenKeyFactor;
  question: FrozenQuestion;
  previous: Answer | undefined;
  answer: Answer;
}

export type { Actor, Interaction } from '../chat/actor.ts';

/** Whoever acts, resolved once per interaction by the inbound port. */
export interface Who {
  /** Their canonical key, e.g. `slack:U0EDU1`. */
  person: string;
  actor: Actor;
  language: Language;
  t: Translator;
}

export function languageFromLocale(locale: string | undefined): Language | undefined {
  const code = locale?.slice(0, 2).toLowerCase();
  return isLanguage(code) ? code : undefined;
}

/** Helpers shared by the handlers. */
export function engineContext(deps: EngineDeps) {
  const { store, directory } = deps;
  /** The person's chosen language, else their platform's, else the organisation's. */
  async function languageOf(person: string, hint?: string): Promise<Language> {
    const state = await personState(store, person);
    const fromPlatform = languageFromLocale(hint);
    if (fromPlatform && state.platformLanguage !== fromPlatform) {
      await updatePersonState(store, person, (s) => ({ ...s, platformLanguage: fromPlatform }));
    }
    if (state.language) return state.language;
    const known = fromPlatform ?? state.platformLanguage;
    if (known) return known;
    // Never heard from them: ask their platform once, e.g. before the first check-in.
    const address = directory.addressOf(person);
    const reported = languageFromLocale(
      address ? await deps.port.personLocale?.(address).catch(() => undefined) : undefined,
    );
    if (reported) {
      await updatePersonState(store, person, (s) => ({ ...s, platformLanguage: reported }));
    }
    return reported ?? deps.config.organization.locale;
  }

  const naming = createNaming({ store, directory, port: deps.port, logger: deps.logger });

  async function reader(person: string, cycle: Cycle, hint?: string): Promise<Reader> {
    const language = await languageOf(person, hint);
    const t = translatorFor(deps.i18n, language);
    return { t, language, cycle, nameOf: await naming.namer(t('common:someone')) };
  }

  /** The departments whose records matter for a person: their own, and those that handed them work. */
  async function departmentsFor(cycle: Cycle, person: string): Promise<string[]> {
    const handed = await createHandOverRepository(store).handedTo(cycle.id, person);
    const own = directory.departmentsOf(person);
    return cycle.departments
      .map((d) => d.id)
      .filter((id) => own.includes(id) || handed.includes(id));
  }

  /** The records that matter for a person; `known` ones (just saved) are not read again. */
  async function recordsFor(
    cycle: Cycle,
    person: string,
    known?: DepartmentRecord,
  ): Promise<Map<string, DepartmentRecord>> {
    const ids = await departmentsFor(cycle, person);
    const unread = ids.filter((id) => id !== known?.department);
    const found = unread.length > 0 ? await getRecords(store, cycle.id, unread) : [];
    const read = new Map(unread.map((id, i) => [id, found[i]]));
    return new Map(
      ids.map((id) => [
        id,
        (known?.department === id ? known : read.get(id)) ?? emptyRecord(cycle.id, id),
      ]),
    );
  }

  /** Sends to a person; returns undefined when they cannot be reached on any platform that is on. */
  async function sendTo(person: string, message: MessageView): Promise<MessageRef | undefined> {
    const address = directory.addressOf(person);
    if (!address) {
      deps.logger.warn({ person }, 'person not reachable on any enabled platform');
      return undefined;
    }
    return deps.port.send(address, message);
  }

  const metrics = deps.metrics ?? noMetrics;
  const prompts = createPromptRepository(store);
  return {
    ...deps,
    metrics,
    prompts,
    naming,
    languageOf,
    reader,
    departmentsFor,
    recordsFor,
    sendTo,
  };
}

export type EngineContext = ReturnType<typeof engineContext>;
