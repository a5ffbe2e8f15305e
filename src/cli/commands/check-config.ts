import { loadConfigFile } from '../../config/load.ts';
import { formatProblem } from '../../config/problems.ts';
import { ErrorCode, isTasaError } from '../../shared/errors.ts';
import type { CliCommand } from '../io.ts';

/** `tasa check-config [file]`: exit 0 when valid, else 1 with every problem listed. */
export const checkConfig: CliCommand = (args, { out, err, t, defaultConfigPath }) => {
  const file = args[0] ?? defaultConfigPath;
  try {
    const result = loadConfigFile(file);
    if (result.ok) {
      const { config } = result;
      out(
        t('cli:checkConfig.ok', {
          file,
          organization: config.organization.name,
          departments: config.departments.length,
          frameworks: config.frameworks.join(', '),
        }),
      );
      return 0;
    }
    err(t('cli:checkConfig.failed', { file, count: result.problems.length }));
    for (const problem of result.problems) err(`  ${formatProblem(t, problem)}`);
    return 1;
  } catch (error) {
    if (isTasaError(error, ErrorCode.ConfigNotFound)) err(t('cli:checkConfig.notFound', { file }));
    else if (isTasaError(error, ErrorCode.ConfigUnreadable))
      err(t('cli:checkConfig.unreadable', { file }));
    else throw error;
    return 1;
  }
};
