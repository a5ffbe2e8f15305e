import type { Catalogue } from '../catalogue/load.ts';
import type { Translator } from '../i18n/create.ts';
import type { Language } from '../i18n/languages.ts';
import type { OrganizationConfig } from '../config/schema.ts';
import type { Directory } from '../people/directory.ts';
import type { PersonFinders } from '../people/email-resolver.ts';
import type { Store } from '../store/store.ts';

/** What a command may touch: output streams, texts and the catalogue. */
export interface CliContext {
  out(line: string): void;
  err(line: string): void;
  t: Translator;
  language: Language;
  /** Default config path when none is given (TASA_CONFIG or ./tasa.yaml). */
  defaultConfigPath: string;
  catalogue: Catalogue;
  /** Opens the organisation's config and store (for commands that change data). */
  openOrganization(): Promise<Organization>;
  /**
   * The platforms whose credentials are in the environment, to find people by
   * e-mail (`check-config --online`); undefined or none when there are none.
   */
  findPeople?(config: OrganizationConfig): Promise<OnlinePlatforms | undefined>;
}

export interface OnlinePlatforms {
  finders: PersonFinders;
  now(): Date;
  close(): Promise<void>;
}

export interface Organization {
  config: OrganizationConfig;
  store: Store;
  directory: Directory;
  today: string;
  close(): Promise<void>;
}

/** A command returns the process exit code. */
export type CliCommand = (args: string[], context: CliContext) => Promise<number> | number;

/** Options that stand alone, taking no value: `--force` must not swallow the word after it. */
export const cliFlags: readonly string[] = ['dry-run', 'force', 'yes'];

/** Splits `--name value` / `--name=value` options and `--flag`s from positional arguments. */
export function parseOptions(
  args: string[],
  flags: readonly string[] = cliFlags,
): {
  positional: string[];
  options: Map<string, string>;
  flags: Set<string>;
} {
  const positional: string[] = [];
  const options = new Map<string, string>();
  const given = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('--')) {
      const [name = '', inline] = arg.slice(2).split('=', 2);
      if (flags.includes(name) && inline === undefined) {
        given.add(name);
        continue;
      }
      const value = inline ?? args[i + 1] ?? '';
      if (inline === undefined) i++;
      options.set(name, value);
    } else {
      positional.push(arg);
    }
  }
  return { positional, options, flags: given };
}

/** Ends a command whose reason has already been printed; `runCli` returns its exit code. */
export class CommandFailed extends Error {
  readonly exitCode: number;

  constructor(exitCode: number) {
    super(`command failed with exit code ${exitCode}`);
    this.name = 'CommandFailed';
    this.exitCode = exitCode;
  }
}
