import { formatDate } from '../../i18n/format.ts';
import { isLanguage, languages } from '../../i18n/languages.ts';
import { updatePersonState } from '../../people/preferences.ts';
import { parseDate } from '../../shared/dates.ts';
import { CommandUsageError, type Command, type CommandReply } from '../types.ts';

const reply = (text: string): CommandReply => ({ text, blocks: [{ type: 'text', text }] });

/** `away until <date>`: no questions or reminders until then (inclusive). */
export const awayCommand: Command = {
  words: ['away'],
  id: 'away',
  coordinatorOnly: false,
  async run({ deps, person, language, t }, args) {
    const [until, text] = args[0]?.toLowerCase() === 'until' ? [true, args[1]] : [false, args[0]];
    const today = deps.localDate(deps.clock.now());
    const date = text === undefined ? undefined : parseDate(text, today);
    if (!date || (!until && args.length > 1))
      throw new CommandUsageError('commands:away.badDate', { value: args.join(' ') });
    if (date < today) throw new CommandUsageError('commands:away.past', { value: text ?? '' });
    await updatePersonState(deps.store, person, (state) => ({ ...state, awayUntil: date }));
    return reply(t('commands:away.done', { date: formatDate(date, language) }));
  },
};

/** `back`: asking resumes. */
export const backCommand: Command = {
  words: ['back'],
  id: 'back',
  coordinatorOnly: false,
  async run({ deps, person, t }) {
    await updatePersonState(deps.store, person, (state) => {
      const next = { ...state };
      delete next.awayUntil;
      delete next.snoozedUntil;
      return next;
    });
    return reply(t('commands:back.done'));
  },
};

/** `lang fi|sv|en`: Tasa speaks this language to me from now on. */
export const langCommand: Command = {
  words: ['lang'],
  id: 'lang',
  coordinatorOnly: false,
  async run({ deps, person, core }, args) {
    const chosen = args[0]?.toLowerCase();
    if (!isLanguage(chosen))
      throw new CommandUsageError('commands:lang.bad', {
        value: args[0] ?? '',
        languages: languages.join(', '),
      });
    await updatePersonState(deps.store, person, (state) => ({ ...state, language: chosen }));
    const t = core.engine.context.i18n.getFixedT(chosen);
    return reply(t('commands:lang.done'));
  },
};
