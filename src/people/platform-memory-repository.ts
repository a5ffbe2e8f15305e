import type { Platform } from '../chat/address.ts';
import type { PlatformMemory } from '../chat/platform-memory.ts';
import type { DataSubject, PersonalData } from '../shared/personal-data.ts';
import { withLock } from '../store/lock.ts';
import type { Store } from '../store/store.ts';

/**
 * Keys, for a platform `p` (only Teams keeps any today):
 * - `p-ref:<id>`: the adapter's reach of a person or a channel;
 * - `p-alias:<form>`: the id another form of it stands for (lower case);
 * - `p-aliases:<id>`: every form recorded for an id, so erasure finds them all;
 * - `p-form:<conversation>:<message>`: a form as sent, for its time to live;
 * - `p-forms:<id>`: the forms sent to a person, with when each expires.
 *
 * Aliases recorded before `p-aliases` existed are found at erasure from the
 * reach itself: the adapter's reach holds the platform's user ids of the
 * person, and each of its strings is tried as an alias of the id (one whose
 * value is another id is left alone). Forms sent before `p-forms` existed are
 * not found; they expire on their own within their time to live.
 */
export interface PlatformMemoryRepository<Reach, Form>
  extends
    PlatformMemory<Reach, Form>,
    PersonalData<{
      platformReferences?: { platform: Platform; id: string; reach?: Reach; aliases: string[] }[];
    }> {}

interface FormEntry {
  key: string;
  until: number;
}

/** Every string in a JSON value. */
function stringsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') found.add(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, found);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) stringsIn(item, found);
  return found;
}

export function createPlatformMemoryRepository<Reach, Form>(
  store: Store,
  platform: Platform,
  now: () => number = Date.now,
): PlatformMemoryRepository<Reach, Form> {
  const reachKey = (id: string): string => `${platform}-ref:${id}`;
  const aliasKey = (form: string): string => `${platform}-alias:${form.toLowerCase()}`;
  const aliasesKey = (id: string): string => `${platform}-aliases:${id.toLowerCase()}`;
  const formKey = (m: { conversation: string; id: string }): string =>
    `${platform}-form:${m.conversation}:${m.id}`;
  const formsKey = (id: string): string => `${platform}-forms:${id.toLowerCase()}`;
  const same = (a: string | undefined, b: string): boolean => a?.toLowerCase() === b.toLowerCase();

  const idsOf = (subject: DataSubject): string[] => [
    ...new Set(subject.refs.filter((r) => r.platform === platform).map((r) => r.id)),
  ];

  /** The aliases of an id: those indexed, and those the reach names (recorded before the index). */
  async function aliasesOf(id: string): Promise<string[]> {
    const [indexed, reach] = await store.getMany<unknown>([aliasesKey(id), reachKey(id)]);
    const candidates = new Set([...((indexed as string[] | undefined) ?? []), ...stringsIn(reach)]);
    const found: string[] = [];
    for (const form of candidates) {
      if (!same(form, id) && same(await store.get<string>(aliasKey(form)), id)) found.push(form);
    }
    return found;
  }

  return {
    name: `${platform}References`,
    reach: (id) => store.get<Reach>(reachKey(id)),
    updateReach: (id, change) =>
      withLock(store, reachKey(id), async () => {
        const next = change(await store.get<Reach>(reachKey(id)));
        if (next !== undefined) await store.set(reachKey(id), next);
      }),
    aliasOf: (form) => store.get<string>(aliasKey(form)),
    async alias(forms, id) {
      const fresh = [...new Set(forms.map((f) => f.toLowerCase()))].filter((f) => !same(f, id));
      if (fresh.length === 0) return;
      await withLock(store, aliasesKey(id), async () => {
        const indexed = (await store.get<string[]>(aliasesKey(id))) ?? [];
        const added = fresh.filter((f) => !indexed.includes(f));
        // The index first: an alias is never kept without it.
        if (added.length > 0) await store.set(aliasesKey(id), [...indexed, ...added]);
        for (const form of fresh) await store.set(aliasKey(form), id);
      });
    },
    async rememberForm(message, to, form, ttlMs) {
      const until = now() + ttlMs;
      await withLock(store, formsKey(to), async () => {
        // A message kept again (a card's next version) replaces its entry.
        const live = ((await store.get<FormEntry[]>(formsKey(to))) ?? []).filter(
          (e) => e.until > now() && e.key !== formKey(message),
        );
        await store.set(formsKey(to), [...live, { key: formKey(message), until }], ttlMs);
      });
      await store.set(formKey(message), form, ttlMs);
    },
    sentForm: (message) => store.get<Form>(formKey(message)),

    async export(subject) {
      const found = [];
      for (const id of idsOf(subject)) {
        const reach = await store.get<Reach>(reachKey(id));
        const aliases = await aliasesOf(id);
        if (reach !== undefined || aliases.length > 0)
          found.push({ platform, id, ...(reach !== undefined ? { reach } : {}), aliases });
      }
      return found.length > 0 ? { platformReferences: found } : {};
    },
    async erase(subject) {
      for (const id of idsOf(subject)) {
        for (const form of await aliasesOf(id)) await store.delete(aliasKey(form));
        await store.delete(aliasesKey(id));
        await store.delete(reachKey(id));
        for (const entry of (await store.get<FormEntry[]>(formsKey(id))) ?? [])
          await store.delete(entry.key);
        await store.delete(formsKey(id));
      }
    },
  };
}
