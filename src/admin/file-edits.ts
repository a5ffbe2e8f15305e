import { createHash } from 'node:crypto';
import type { i18n } from 'i18next';
import { notice } from '../chat/views.ts';
import type { EngineContext } from '../checkins/context.ts';
import type { ConfigResult } from '../config/load.ts';
import { formatProblem, type ConfigProblem } from '../config/problems.ts';
import { translatorFor } from '../i18n/create.ts';
import { problemsText } from './messages.ts';
import type { FileOutcome, Settings } from './settings.ts';

export interface FileEditDeps {
  settings: Settings;
  /** Where coordinators are told of a refused edit, in their language. */
  context: EngineContext;
}

/**
 * tasa.yaml read again (it changed, or SIGHUP): a valid edit is brought in
 * (the file wins for what it changed, chat changes stay otherwise); a bad one
 * is refused with every problem in the log and a notice to the coordinators,
 * and the running configuration is kept.
 */
export async function fileEdited(deps: FileEditDeps, read: ConfigResult): Promise<FileOutcome> {
  const { logger } = deps.context;
  const outcome: FileOutcome = read.ok
    ? await deps.settings.load(read.config)
    : { kind: 'refused', problems: read.problems };
  switch (outcome.kind) {
    case 'applied':
      logger.info({ changed: outcome.changed }, 'tasa.yaml edit applied');
      break;
    case 'seeded':
      logger.info({}, 'stored configuration seeded from the configuration file');
      break;
    case 'unchanged':
      logger.debug(
        {},
        'tasa.yaml read again: its people part is as last loaded, its other sections are applied',
      );
      break;
    case 'refused':
      await refused(deps, outcome.problems);
      break;
  }
  return outcome;
}

async function refused(deps: FileEditDeps, problems: ConfigProblem[]): Promise<void> {
  const { context } = deps;
  const english = translatorFor(context.i18n, 'en');
  for (const problem of problems)
    context.logger.error({ problem: formatProblem(english, problem) }, 'tasa.yaml edit refused');
  const fingerprint = createHash('sha256').update(JSON.stringify(problems)).digest('hex');
  if (!(await deps.settings.repository.firstRefusal(fingerprint))) return;
  await tellCoordinators(context, context.i18n, problems);
}

async function tellCoordinators(
  context: EngineContext,
  i18n: i18n,
  problems: ConfigProblem[],
): Promise<void> {
  for (const person of context.directory.coordinators()) {
    const t = translatorFor(i18n, await context.languageOf(person));
    await context
      .sendTo(person, notice(problemsText(t, t('admin:file.refused'), problems)))
      .catch((error: unknown) =>
        context.logger.warn(
          { err: error, person },
          'could not tell a coordinator of a refused edit',
        ),
      );
  }
}
