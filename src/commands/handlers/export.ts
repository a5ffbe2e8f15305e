import { FilesUnsupportedError } from '../../chat/port.ts';
import { exportCycle } from '../../reports/gather-export.ts';
import { currentCycle } from '../../reports/post.ts';
import type { Command, CommandReply } from '../types.ts';
import { sendDownloadLinks } from './export-links.ts';

const reply = (text: string): CommandReply => ({ text, blocks: [{ type: 'text', text }] });

/** `export`: the cycle's CSV files and the self-assessment report, delivered as files to whoever asked. */
export const exportCommand: Command = {
  words: ['export'],
  id: 'export',
  coordinatorOnly: true,
  async run({ core, deps, person, language, t, actor }) {
    const ctx = core.engine.context;
    const cycle = await currentCycle({
      engine: core.engine,
      outbox: core.outbox,
      calendar: core.calendar,
    });
    if (!cycle) return reply(t('reports:export.noCycle'));
    const files = await exportCycle({
      store: deps.store,
      config: deps.config,
      catalogue: deps.catalogue,
      i18n: ctx.i18n,
      directory: core.directory,
      cycle,
      language,
      now: deps.clock.now(),
    });
    const to = core.directory.addressOf(person) ?? {
      platform: actor.platform,
      id: actor.id,
      kind: 'person' as const,
    };
    if (!ctx.port.sendFiles) return reply(t('checkins:errors.unexpected'));
    const comment = t('reports:export.comment', { cycle: cycle.id });
    try {
      await ctx.port.sendFiles(to, files, comment);
    } catch (error) {
      if (!(error instanceof FilesUnsupportedError)) throw error;
      const sent = await sendDownloadLinks(ctx.port, core.downloads, to, person, files, comment, t);
      if (!sent) return reply(t('reports:export.noLinks'));
    }
    return reply(t('reports:export.sent', { cycle: cycle.id }));
  },
};
