import type { ChatPort } from '../chat/port.ts';
import type { Logger } from '../shared/logger.ts';
import type { Store } from '../store/store.ts';
import type { Directory } from './directory.ts';
import { createNamesRepository, type RememberedNames } from './names-repository.ts';

/** Longer names are cut: a display name is a label, not a place to write. */
const longestName = 80;

/** A display name as shown: one line, no control characters, not too long; undefined when empty. */
export function cleanName(raw: string | undefined): string | undefined {
  // Control and format characters (line breaks, bidi overrides) could disguise a name.
  const name = raw
    ?.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return name ? [...name].slice(0, longestName).join('') : undefined;
}

/** Names people for one message, at once: what a message builder calls. */
export type NameOf = (person: string) => string;

/** A person's name without asking anyone: configured, else remembered, else undefined. */
export const knownName = (
  directory: Pick<Directory, 'nameOf'>,
  remembered: RememberedNames,
  person: string,
): string | undefined => directory.nameOf(person) ?? remembered[person];

export interface Naming {
  /**
   * Remembers the name a platform sent with someone's interaction, or asks
   * the platform for it when none was sent and none is known.
   */
  learn(person: string, sent?: string): Promise<void>;
  /** Asks the platform for the names of people nobody has named yet, and remembers them. */
  lookUp(people: readonly string[]): Promise<void>;
  /**
   * How to name people in one message: the configured name, else the name
   * remembered from the platform, else `unknown` (never a platform's raw id).
   */
  namer(unknown: string): Promise<NameOf>;
  /** Configured or remembered names only, for files that show the id beside the name. */
  known(): Promise<(person: string) => string | undefined>;
}

export interface NamingDeps {
  store: Store;
  directory: Directory;
  port: Pick<ChatPort, 'personName'>;
  logger: Logger;
}

export function createNaming(deps: NamingDeps): Naming {
  const names = createNamesRepository(deps.store);
  // People this process asked about without learning a name: not asked again until it restarts.
  const unnamed = new Set<string>();

  async function ask(person: string): Promise<string | undefined> {
    for (const ref of deps.directory.refsOf(person)) {
      const name = cleanName(
        await deps.port.personName?.({ ...ref, kind: 'person' }).catch((error: unknown) => {
          deps.logger.warn({ err: error, person }, 'could not read a name from the platform');
          return undefined;
        }),
      );
      if (name) return name;
    }
    return undefined;
  }

  async function lookUp(people: readonly string[]): Promise<void> {
    const remembered = await names.all();
    const unknown = [...new Set(people)].filter(
      (p) => !unnamed.has(p) && knownName(deps.directory, remembered, p) === undefined,
    );
    for (const person of unknown) {
      const name = await ask(person);
      if (name) await names.remember(person, name);
      else unnamed.add(person);
    }
  }

  return {
    async learn(person, sent) {
      // A configured name wins anyway: nothing to keep.
      if (deps.directory.nameOf(person) !== undefined) return;
      const name = cleanName(sent);
      try {
        if (name) await names.remember(person, name);
        else await lookUp([person]);
      } catch (error) {
        // A name is a courtesy: what the person came to do goes on without it.
        deps.logger.warn({ err: error, person }, 'could not remember a name');
      }
    },
    lookUp,
    async namer(unknown) {
      const remembered = await names.all();
      return (person) => knownName(deps.directory, remembered, person) ?? unknown;
    },
    async known() {
      const remembered = await names.all();
      return (person) => knownName(deps.directory, remembered, person);
    },
  };
}
