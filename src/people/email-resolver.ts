import type { Platform, PersonRef } from '../chat/address.ts';
import type { ChatPort } from '../chat/port.ts';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import type { ConfiguredEmail } from './configured-emails.ts';
import {
  normalEmail,
  type EmailIds,
  type EmailIdsRepository,
  type Lookup,
} from './email-ids-repository.ts';

/** Each connected platform's way of finding a person by e-mail. */
export type PersonFinders = Partial<Record<Platform, Pick<ChatPort, 'findPerson'>>>;

/** What a platform said, or that it could not tell (down, not allowed): then nothing is decided. */
export type Answer = Lookup | { failed: string };

/** Asks one platform for an address. */
export async function ask(
  finder: Pick<ChatPort, 'findPerson'>,
  email: string,
  at: Date,
): Promise<Answer> {
  if (!finder.findPerson) return { failed: 'cannot look up e-mail addresses' };
  try {
    const found = await finder.findPerson(email);
    return found
      ? { found: true, id: found.id, at: at.toISOString() }
      : { found: false, at: at.toISOString() };
  } catch (error) {
    const code = (error as { data?: { error?: unknown }; code?: unknown }).data?.error;
    return { failed: typeof code === 'string' ? code : String((error as Error).message ?? error) };
  }
}

/** What the Directory reads: the answers remembered, without waiting for a platform. */
export interface KnownEmails {
  /** A platform's id for an address; null when it knows no one by it; undefined when not asked yet. */
  idOf(email: string, platform: Platform): string | null | undefined;
  /** The address a platform id was found for. */
  emailOf(ref: PersonRef): string | undefined;
}

export const noKnownEmails: KnownEmails = { idOf: () => undefined, emailOf: () => undefined };

export interface EmailResolver {
  readonly known: KnownEmails;
  /** Reads what earlier lookups found; every other method waits for it. */
  load(): Promise<void>;
  /** The platform's id for an address, looked up the first time it is needed. */
  idFor(email: string, platform: Platform): Promise<string | undefined>;
  /** Asks the platform again after a send to `used` failed; the new id when it changed. */
  refresh(email: string, platform: Platform, used: string): Promise<string | undefined>;
  /**
   * Looks an address up on the platforms it stands in for: whether any of them
   * knows it; undecided when a lookup failed, unasked when none is connected.
   */
  resolve(entry: ConfiguredEmail): Promise<'known' | 'unknown' | 'undecided' | 'unasked'>;
}

/** A platform is asked again after a failed send at most this often per address. */
const refreshGapMs = 60_000;

export function createEmailResolver(deps: {
  repository: EmailIdsRepository;
  finders: PersonFinders;
  clock: Clock;
  logger: Logger;
}): EmailResolver {
  const { repository, finders, clock, logger } = deps;
  const entries = new Map<string, EmailIds>();
  const byId = new Map<string, string>();
  const running = new Map<string, Promise<Answer>>();
  let loaded: Promise<void> | undefined;
  const refKey = (platform: string, id: string): string => `${platform}:${id.toLowerCase()}`;

  function remember(entry: EmailIds): void {
    entries.set(entry.email, entry);
    for (const [platform, lookup] of Object.entries(entry.platforms))
      if (lookup.found) byId.set(refKey(platform, lookup.id), entry.email);
  }

  const load = (): Promise<void> =>
    (loaded ??= repository.all().then(
      (all) => all.forEach(remember),
      (error: unknown) => {
        loaded = undefined;
        throw error;
      },
    ));

  /** One lookup at a time per address and platform: a fan-out and the start-up share it. */
  function lookUp(email: string, platform: Platform): Promise<Answer> {
    const finder = finders[platform];
    if (!finder) return Promise.resolve({ failed: `${platform} is not connected` });
    const name = `${platform}:${email}`;
    const known = running.get(name);
    if (known) return known;
    const work = (async () => {
      const answer = await ask(finder, email, clock.now());
      if ('failed' in answer) {
        logger.warn({ platform, reason: answer.failed }, 'could not look up an e-mail address');
        return answer;
      }
      remember(await repository.record(email, platform, answer));
      return answer;
    })().finally(() => running.delete(name));
    running.set(name, work);
    return work;
  }

  const known: KnownEmails = {
    idOf(email, platform) {
      const lookup = entries.get(normalEmail(email))?.platforms[platform];
      if (!lookup) return undefined;
      return lookup.found ? lookup.id : null;
    },
    emailOf: (ref) => byId.get(refKey(ref.platform, ref.id)),
  };

  return {
    known,
    load,
    async idFor(email, platform) {
      await load();
      const address = normalEmail(email);
      const id = known.idOf(address, platform);
      if (id !== undefined) return id ?? undefined;
      const answer = await lookUp(address, platform);
      return 'found' in answer && answer.found ? answer.id : undefined;
    },
    async refresh(email, platform, used) {
      await load();
      const address = normalEmail(email);
      const last = entries.get(address)?.platforms[platform];
      if (last && clock.now().getTime() - Date.parse(last.at) < refreshGapMs) return undefined;
      const answer = await lookUp(address, platform);
      if (!('found' in answer) || !answer.found || answer.id === used) return undefined;
      logger.info({ platform }, 'a person named by e-mail has a new id on the platform');
      return answer.id;
    },
    async resolve(entry) {
      await load();
      const asked = entry.platforms.filter((platform) => finders[platform]);
      if (asked.length === 0) return 'unasked';
      const answers = [];
      for (const platform of asked) answers.push(await lookUp(entry.email, platform));
      if (answers.some((a) => 'found' in a && a.found)) return 'known';
      return answers.every((a) => 'found' in a) ? 'unknown' : 'undecided';
    },
  };
}

/**
 * Looks up every configured address, one at a time with `gapMs` between
 * lookups (the platforms limit how fast one may ask); the addresses no
 * platform knows. Stops early when `stopped()` says so.
 */
export async function resolveEveryone(
  resolver: EmailResolver,
  emails: readonly ConfiguredEmail[],
  pace: { sleep(ms: number): Promise<void>; gapMs: number; stopped(): boolean },
): Promise<ConfiguredEmail[]> {
  const unknown: ConfiguredEmail[] = [];
  let asked = false;
  for (const entry of emails) {
    if (pace.stopped()) break;
    // The pause is between lookups: an address no connected platform is asked for costs none.
    if (asked) await pace.sleep(pace.gapMs);
    const outcome = await resolver.resolve(entry);
    asked = outcome !== 'unasked';
    if (outcome === 'unknown') unknown.push(entry);
  }
  return unknown;
}
