import type { i18n } from 'i18next';
import type { Catalogue } from '../catalogue/load.ts';
import type { PersonRef } from '../chat/address.ts';
import type { ChatPort, MessageRef } from '../chat/port.ts';
import type { MessageView } from '../chat/views.ts';
import type { OrganizationConfig } from '../config/schema.ts';
import type { Cycle } from '../cycles/cycle.ts';
import { translatorFor } from '../i18n/create.ts';
import { isLanguage, type Language } from '../i18n/languages.ts';
import { noMetrics, type MetricsSink } from '../metrics/sink.ts';
import type { Directory } from '../people/directory.ts';
import { createHandOverRepository } from '../people/hand-overs-repository.ts';
import { personState, updatePersonState } from '../people/preferences.ts';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import type { Store } from '../store/store.ts';
import type { ViewContext } from './messages.ts';
import { emptyRecord, recordKey, type DepartmentRecord } from './record.ts';

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
}

/** Who clicked or typed: the platform's id, and the language the platform reports for them. */
export interface Actor extends PersonRef {
  locale?: string;
}

/** The platform's handles for one interaction. */
export interface Interaction {
  /** Unique per interaction; a retried delivery carries the same id and counts once. */
  id?: string;
  /** Opens a form in answer to this interaction (Slack trigger_id). */
  trigger?: string;
  /** The message whose button was pressed. */
  message?: MessageRef;
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
    if (reported)
      await updatePersonState(store, person, (s) => ({ ...s, platformLanguage: reported }));
    return reported ?? deps.config.organization.locale;
  }

  async function view(person: string, cycle: Cycle, hint?: string): Promise<ViewContext> {
    const language = await languageOf(person, hint);
    return {
      t: translatorFor(deps.i18n, language),
      language,
      cycle,
      nameOf: (key) => directory.nameOf(key) ?? key.slice(key.indexOf(':') + 1),
    };
  }

  /** The departments whose records matter for a person: their own, and those that handed them work. */
  async function departmentsFor(cycle: Cycle, person: string): Promise<string[]> {
    const handed = await createHandOverRepository(store).handedTo(cycle.id, person);
    const own = directory.departmentsOf(person);
    return cycle.departments
      .map((d) => d.id)
      .filter((id) => own.includes(id) || handed.includes(id));
  }

  async function recordsFor(cycle: Cycle, person: string): Promise<Map<string, DepartmentRecord>> {
    const ids = await departmentsFor(cycle, person);
    const found = await store.getMany<DepartmentRecord>(ids.map((id) => recordKey(cycle.id, id)));
    return new Map(ids.map((id, i) => [id, found[i] ?? emptyRecord(cycle.id, id)]));
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
  return { ...deps, metrics, languageOf, view, departmentsFor, recordsFor, sendTo };
}

export type EngineContext = ReturnType<typeof engineContext>;
