import { adminHomeBlocks } from '../../admin/home.ts';
import { parseAdminCommand } from '../../admin/parse.ts';
import { changeAndReply, historyReply } from '../../admin/reply.ts';
import { CommandUsageError, type Command, type CommandReply } from '../types.ts';

const reply = (text: string): CommandReply => ({ text, blocks: [{ type: 'text', text }] });

/**
 * `admin …`: departments, contacts and coordinators changed in chat, in effect
 * at once on every replica; every change is logged and kept in the history.
 */
export const adminCommand: Command = {
  words: ['admin'],
  id: 'admin',
  coordinatorOnly: true,
  async run(context, args) {
    const { core, person, language, t } = context;
    const asker = { person, language, t, names: core.directory };
    const command = parseAdminCommand(args);
    switch (command.kind) {
      case 'help': {
        // With the departments and their buttons: the card Teams shows where Slack has App Home.
        const help = reply(`${t('admin:help.title')}\n${t('admin:help.lines')}`);
        const departments = adminHomeBlocks(core.admin.settings.current(), t, language);
        return { text: help.text, blocks: [...help.blocks, ...departments] };
      }
      case 'history':
        return historyReply(core.admin, asker);
      case 'usage':
        throw new CommandUsageError(`admin:${command.key}`, command.params ?? {});
      case 'change':
        return changeAndReply(core.admin, asker, command.request, command.toOpenCycle);
    }
  },
};
