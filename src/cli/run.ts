import { frameworkIds } from '../catalogue/definitions.ts';
import { checkConfig } from './commands/check-config.ts';
import { configExport } from './commands/config-export.ts';
import { frameworkShow } from './commands/framework-show.ts';
import { importActions } from './commands/import-actions.ts';
import { exportCommand } from './commands/export.ts';
import { privacyErase, privacyExport } from './commands/privacy.ts';
import { FileProblem } from './files.ts';
import { CommandFailed, type CliCommand, type CliContext } from './io.ts';

/** Command words to handlers; `framework show` is two words. */
const commands: ReadonlyMap<string, CliCommand> = new Map([
  ['check-config', checkConfig],
  ['config export', configExport],
  ['framework show', frameworkShow],
  ['import actions', importActions],
  ['export', exportCommand],
  ['privacy export', privacyExport],
  ['privacy erase', privacyErase],
]);

export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const [first, second, ...rest] = argv;
  const usage = (): void =>
    context.out(context.t('cli:usage', { frameworks: frameworkIds.join(', ') }));
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    usage();
    return first === undefined ? 2 : 0;
  }
  const twoWords = second === undefined ? undefined : commands.get(`${first} ${second}`);
  if (twoWords) return run(twoWords, rest, context);
  const oneWord = commands.get(first);
  if (oneWord) return run(oneWord, second === undefined ? rest : [second, ...rest], context);
  context.err(
    context.t('cli:unknownCommand', { command: [first, second].filter(Boolean).join(' ') }),
  );
  usage();
  return 2;
}

/** A file that cannot be used, or a config with problems, is one clear message and exit 1. */
async function run(command: CliCommand, args: string[], context: CliContext): Promise<number> {
  try {
    return await command(args, context);
  } catch (error) {
    if (error instanceof CommandFailed) return error.exitCode;
    if (!(error instanceof FileProblem)) throw error;
    context.err(context.t(`cli:files.${error.reason}`, { ...error.params, file: error.file }));
    return 1;
  }
}
