import type { Command, CommandContext, CommandReply } from '../types.ts';

/** `help`: what the caller may run, with usage. */
export function helpReply(
  context: CommandContext,
  commands: readonly Command[],
  only?: Command,
): CommandReply {
  const { t } = context;
  const allowed = commands.filter(
    (c) => !c.coordinatorOnly || context.core.directory.isCoordinator(context.person),
  );
  const lines = (only ? [only] : allowed).map(
    (c) => `${t(`commands:list.${c.id}.usage`)} – ${t(`commands:list.${c.id}.description`)}`,
  );
  const title = only ? t('commands:help.usageTitle') : t('commands:help.title');
  return {
    text: `${title}\n${lines.join('\n')}`,
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text: lines.join('\n') },
    ],
  };
}
