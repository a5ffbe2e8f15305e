import type { MessageRef } from '../chat/port.ts';
import { cycleIndex } from '../cycles/repository.ts';
import type { PersonalData } from '../shared/personal-data.ts';
import type { Store } from '../store/store.ts';

/**
 * The messages that asked one person something in one cycle and are still
 * open, by `<department>/<prompt key>` (a prompt key is a question id, or
 * `<key factor>:intro` / `<key factor>:rating`). Chat state, kept apart from
 * the department's answers: each person's own book, so sending someone their
 * next question never takes the department record's lock.
 */
export type OpenPrompts = Record<string, MessageRef>;

const bookKey = (cycle: string, person: string): string => `prompts:${cycle}:${person}`;

/** The key of a person's prompt book, for reading it ahead with others. */
export const promptBookKey = bookKey;
const entry = (department: string, key: string): string => `${department}/${key}`;

/** A prompt taken out of someone's book, to be shown as answered. */
export interface TakenPrompt {
  key: string;
  prompt: { person: string; ref: MessageRef };
}

/** One person's open prompts in a cycle, changed in memory and saved once. */
export interface PromptBook {
  readonly person: string;
  has(department: string, key: string): boolean;
  add(department: string, key: string, ref: MessageRef): void;
  /** Takes the prompts for `keys` of a department out of the book. */
  take(department: string, keys: readonly string[]): TakenPrompt[];
  /** Writes the book if it changed. */
  save(): Promise<void>;
}

export interface PromptRepository {
  bookOf(cycle: string, person: string): Promise<PromptBook>;
  /** Several people's books in one read, e.g. every reader of a department's prompts. */
  booksOf(cycle: string, people: readonly string[]): Promise<PromptBook[]>;
  personalData: PersonalData<{ openPrompts?: { cycle: string; prompts: string[] }[] }>;
}

export function createPromptRepository(store: Store): PromptRepository {
  function book(cycle: string, person: string, stored: OpenPrompts | undefined): PromptBook {
    const open = new Map(Object.entries(stored ?? {}));
    let changed = false;
    return {
      person,
      has: (department, key) => open.has(entry(department, key)),
      add(department, key, ref) {
        open.set(entry(department, key), ref);
        changed = true;
      },
      take(department, keys) {
        const taken: TakenPrompt[] = [];
        for (const key of keys) {
          const ref = open.get(entry(department, key));
          if (!ref) continue;
          taken.push({ key, prompt: { person, ref } });
          open.delete(entry(department, key));
          changed = true;
        }
        return taken;
      },
      async save() {
        if (!changed) return;
        changed = false;
        await (open.size > 0
          ? store.set(bookKey(cycle, person), Object.fromEntries(open))
          : store.delete(bookKey(cycle, person)));
      },
    };
  }

  return {
    async bookOf(cycle, person) {
      return book(cycle, person, await store.get<OpenPrompts>(bookKey(cycle, person)));
    },
    async booksOf(cycle, people) {
      const found = await store.getMany<OpenPrompts>(people.map((p) => bookKey(cycle, p)));
      return people.map((person, i) => book(cycle, person, found[i]));
    },
    personalData: {
      name: 'prompts',
      async export({ person }) {
        const { ids } = await cycleIndex(store);
        const found = await store.getMany<OpenPrompts>(ids.map((id) => bookKey(id, person)));
        const openPrompts = ids.flatMap((cycle, i) => {
          const open = found[i];
          return open ? [{ cycle, prompts: Object.keys(open) }] : [];
        });
        return openPrompts.length > 0 ? { openPrompts } : {};
      },
      async erase({ person }) {
        for (const id of (await cycleIndex(store)).ids) await store.delete(bookKey(id, person));
        return undefined;
      },
    },
  };
}
