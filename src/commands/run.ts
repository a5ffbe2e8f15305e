import type { Actor, Interaction } from '../chat/actor.ts';
import type { CycleDeps } from '../cycles/lifecycle.ts';
import { translatorFor } from '../i18n/create.ts';
import { isTasaError, ErrorCode } from '../shared/errors.ts';
import { commands } from './index.ts';
import { helpReply } from './handlers/help.ts';
import {
  CommandUsageError,
  type Command,
  type CommandContext,
  type CommandServices,
  type CommandReply,
} from './types.ts';

const reply = (text: string): CommandReply => ({ text, blocks: [{ type: 'text', text }] });

/** Finds the command whose words start the text; the longest match wins. */
export function findCommand(words: string[]): { command: Command; args: string[] } | undefined {
  const lower = words.map((w) => w.toLowerCase());
  const matches = commands
    .filter((c) => c.words.every((w, i) => lower[i] === w))
    .sort((a, b) => b.words.length - a.words.length);
  const command = matches[0];
  return command ? { command, args: words.slice(command.words.length) } : undefined;
}

/** The command's id for the latency histogram: a short fixed set, never what was typed. */
function commandLabel(words: string[]): string {
  if (words.length === 0 || words[0]?.toLowerCase() === 'help') return 'help';
  return findCommand(words)?.command.id ?? 'unknown';
}

/**
 * Runs `/tasa …` (Slack) or a command typed to the bot (Teams): the same
 * commands, authorisation and errors on every platform.
 */
export async function runCommand(
  core: CommandServices,
  deps: CycleDeps,
  actor: Actor,
  text: string,
  interaction?: Interaction,
): Promise<CommandReply> {
  const started = performance.now();
  try {
    return await dispatch(core, deps, actor, text, interaction);
  } finally {
    const label = commandLabel(text.trim().split(/\s+/).filter(Boolean));
    core.engine.context.metrics.commandDuration(label, (performance.now() - started) / 1000);
  }
}

async function dispatch(
  core: CommandServices,
  deps: CycleDeps,
  actor: Actor,
  text: string,
  interaction: Interaction | undefined,
): Promise<CommandReply> {
  const ctx = core.engine.context;
  const person = ctx.directory.canonicalKey(actor);
  const language = await ctx.languageOf(person, actor.locale);
  const context: CommandContext = {
    core,
    deps,
    actor,
    person,
    language,
    t: translatorFor(ctx.i18n, language),
    ...(interaction ? { interaction } : {}),
  };
  const { t } = context;
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words[0]?.toLowerCase() === 'help') {
    const topic = words.length > 1 ? findCommand(words.slice(1))?.command : undefined;
    return helpReply(context, commands, topic);
  }
  const found = findCommand(words);
  if (!found) {
    const help = helpReply(context, commands);
    const unknown = t('commands:unknown', { command: words[0] ?? '' });
    return {
      text: `${unknown}\n${help.text}`,
      blocks: [{ type: 'text', text: unknown }, ...help.blocks],
    };
  }
  const { command, args } = found;
  if (command.coordinatorOnly && !ctx.directory.isCoordinator(person)) {
    const coordinators = ctx.directory.coordinators();
    await ctx.naming.lookUp(coordinators);
    const nameOf = await ctx.naming.namer(t('common:someone'));
    const names = coordinators.map(nameOf);
    return reply(
      t('commands:coordinatorsOnly', {
        command: command.words.join(' '),
        coordinators: names.join(', '),
      }),
    );
  }
  try {
    return await command.run(context, args);
  } catch (error) {
    if (error instanceof CommandUsageError) {
      const usage = helpReply(context, commands, command);
      const problem = t(error.key, error.params);
      return {
        text: `${problem}\n${usage.text}`,
        blocks: [{ type: 'text', text: problem }, ...usage.blocks],
      };
    }
    ctx.logger.error({ err: error, command: command.id }, 'command failed');
    return reply(
      t(
        isTasaError(error, ErrorCode.StoreUnavailable)
          ? 'checkins:errors.tryAgainShortly'
          : 'checkins:errors.unexpected',
      ),
    );
  }
}
