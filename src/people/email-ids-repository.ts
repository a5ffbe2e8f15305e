import type { Platform } from '../chat/address.ts';
import type { DataSubject, PersonalData } from '../shared/personal-data.ts';
import { withLock } from '../store/lock.ts';
import type { Store } from '../store/store.ts';

/** What a platform answered when asked for an e-mail address: its id for the person, or none. */
export type Lookup = { found: true; id: string; at: string } | { found: false; at: string };

/** What Tasa knows about one configured e-mail address. */
export interface EmailIds {
  /** Lower case: the form every lookup and key uses. */
  email: string;
  platforms: Partial<Record<Platform, Lookup>>;
  /** When the coordinators were told that no platform knows the address (once). */
  noticedAt?: string;
}

/**
 * Keys: `email-ids:<email>` holds what the platforms answered for one
 * address (see EmailIds); `email-ids` lists the addresses, so that all are
 * read at start-up and an export finds one by a platform id.
 */
const indexKey = 'email-ids';
const key = (email: string): string => `email-ids:${email}`;

export const normalEmail = (email: string): string => email.trim().toLowerCase();

export interface EmailIdsRepository extends PersonalData<{ emailIds?: EmailIds[] }> {
  all(): Promise<EmailIds[]>;
  /** Records a platform's answer for an address; the newest answer wins. */
  record(email: string, platform: Platform, lookup: Lookup): Promise<EmailIds>;
  /** True the first time only, so coordinators hear of an unknown address once. */
  markNoticed(email: string, at: Date): Promise<boolean>;
}

export function createEmailIdsRepository(store: Store): EmailIdsRepository {
  const index = async (): Promise<string[]> => (await store.get<string[]>(indexKey)) ?? [];
  const read = async (email: string): Promise<EmailIds> =>
    (await store.get<EmailIds>(key(email))) ?? { email, platforms: {} };

  async function all(): Promise<EmailIds[]> {
    const emails = await index();
    const found = await store.getMany<EmailIds>(emails.map(key));
    return found.filter((entry): entry is EmailIds => entry !== undefined);
  }

  async function indexed(email: string): Promise<void> {
    if ((await index()).includes(email)) return;
    await withLock(store, indexKey, async () => {
      const emails = await index();
      if (!emails.includes(email)) await store.set(indexKey, [...emails, email]);
    });
  }

  async function change(email: string, edit: (known: EmailIds) => EmailIds | undefined) {
    const address = normalEmail(email);
    // The index first: an entry is never kept where an export would not find it.
    await indexed(address);
    return withLock(store, key(address), async () => {
      const known = await read(address);
      const next = edit(known);
      if (next) await store.set(key(address), next);
      return { known, next };
    });
  }

  /** The entries that are about a person: under their e-mail key, or naming one of their ids. */
  async function about(subject: DataSubject): Promise<EmailIds[]> {
    const ids = new Set(subject.refs.map((r) => `${r.platform}:${r.id.toLowerCase()}`));
    return (await all()).filter(
      (entry) =>
        subject.person === `email:${entry.email}` ||
        ids.has(`teams:${entry.email}`) ||
        Object.entries(entry.platforms).some(
          ([platform, lookup]) => lookup.found && ids.has(`${platform}:${lookup.id.toLowerCase()}`),
        ),
    );
  }

  return {
    name: 'emailIds',
    all,
    async record(email, platform, lookup) {
      const { known, next } = await change(email, (entry) => {
        const before = entry.platforms[platform];
        // An answer older than the one kept (a slow lookup of another replica) changes nothing.
        if (before && before.at > lookup.at) return undefined;
        return { ...entry, platforms: { ...entry.platforms, [platform]: lookup } };
      });
      return next ?? known;
    },
    async markNoticed(email, at) {
      const { next } = await change(email, (entry) =>
        entry.noticedAt ? undefined : { ...entry, noticedAt: at.toISOString() },
      );
      return next !== undefined;
    },
    async export(subject) {
      const found = await about(subject);
      return found.length > 0 ? { emailIds: found } : {};
    },
    async erase(subject) {
      const found = new Set((await about(subject)).map((entry) => entry.email));
      if (found.size === 0) return;
      for (const email of found) await store.delete(key(email));
      await withLock(store, indexKey, async () => {
        await store.set(
          indexKey,
          (await index()).filter((email) => !found.has(email)),
        );
      });
    },
  };
}
