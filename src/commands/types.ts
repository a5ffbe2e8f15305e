import type { Actor, Interaction } from '../checkins/context.ts';
import type { MessageView } from '../chat/views.ts';
import type { Core } from '../core.ts';
import type { CycleDeps } from '../cycles/lifecycle.ts';
import type { Translator } from '../i18n/create.ts';
import type { Language } from '../i18n/languages.ts';

/** What a command handler works with: the core, and who asked in which language. */
export interface CommandContext {
  core: Core;
  deps: CycleDeps;
  actor: Actor;
  person: string;
  language: Language;
  t: Translator;
  interaction?: Interaction;
}

/** A command's reply, shown to the person who ran it. */
export type CommandReply = MessageView;

export interface Command {
  /** The words that name it, e.g. ['cycle', 'start']. */
  words: string[];
  /** The key of its usage and description under `commands:list`. */
  id: string;
  coordinatorOnly: boolean;
  run(context: CommandContext, args: string[]): Promise<CommandReply>;
}

/** A bad argument: the reply explains it and shows the command's usage. */
export class CommandUsageError extends Error {
  readonly key: string;
  readonly params: Record<string, string>;
  constructor(key: string, params: Record<string, string> = {}) {
    super(key);
    this.name = 'CommandUsageError';
    this.key = key;
    this.params = params;
  }
}
