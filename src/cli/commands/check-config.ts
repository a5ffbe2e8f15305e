import { loadConfigFile } from '../../config/load.ts';
import { formatProblem } from '../../config/problems.ts';
import type { OrganizationConfig } from '../../config/schema.ts';
import { ErrorCode, isTasaError } from '../../shared/errors.ts';
import { cliFlags, parseOptions, type CliCommand, type CliContext } from '../io.ts';
import { checkPeopleOnline } from './check-people.ts';

/** Loads a config file, printing every problem with it; undefined when it cannot be used. */
export function usableConfig(
  file: string,
  { err, t }: Pick<CliContext, 'err' | 't'>,
): OrganizationConfig | undefined {
  try {
    const result = loadConfigFile(file);
    if (result.ok) return result.config;
    err(t('cli:checkConfig.failed', { file, count: result.problems.length }));
    for (const problem of result.problems) err(`  ${formatProblem(t, problem)}`);
    return undefined;
  } catch (error) {
    if (isTasaError(error, ErrorCode.ConfigNotFound)) err(t('cli:checkConfig.notFound', { file }));
    else if (isTasaError(error, ErrorCode.ConfigUnreadable))
      err(t('cli:checkConfig.unreadable', { file }));
    else throw error;
    return undefined;
  }
}

/**
 * `tasa check-config [file] [--online]`: exit 0 when valid, else 1 with every
 * problem listed. With --online, every e-mail address is also looked up on the
 * platforms (see check-people.ts).
 */
export const checkConfig: CliCommand = async (args, context) => {
  const { positional, flags } = parseOptions(args, [...cliFlags, 'online']);
  const file = positional[0] ?? context.defaultConfigPath;
  const config = usableConfig(file, context);
  if (!config) return 1;
  context.out(
    context.t('cli:checkConfig.ok', {
      file,
      organization: config.organization.name,
      departments: config.departments.length,
      frameworks: config.frameworks.join(', '),
    }),
  );
  return flags.has('online') ? checkPeopleOnline(config, context) : 0;
};
