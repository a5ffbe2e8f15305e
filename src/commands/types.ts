import type { AdminDeps } from '../admin/administer.ts';
import type { Actor, Interaction } from '../chat/actor.ts';
import type { MessageView } from '../chat/views.ts';
import type { CheckInEngine } from '../checkins/engine.ts';
import type { Outbox } from '../outbox/outbox.ts';
import type { Directory } from '../people/directory.ts';
import type { WorkCalendar } from '../scheduler/calendar.ts';
import type { CycleDeps } from '../cycles/lifecycle.ts';
import type { Downloads } from '../downloads/downloads.ts';
import type { Translator } from '../i18n/create.ts';
import type { Language } from '../i18n/languages.ts';

/** The parts of the core that commands use. */
export interface CommandServices {
  engine: CheckInEngine;
  outbox: Outbox;
  calendar: WorkCalendar;
  directory: Directory;
  /** The configuration's administration in chat. */
  admin: AdminDeps;
  /** Single-use links for people whose platform takes no files. */
  downloads?: Downloads;
}

/** What a command handler works with: the core, and who asked in which language. */
export interface CommandContext {
  core: CommandServices;
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
