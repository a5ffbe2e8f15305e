import { checkItem } from '../../action-plans/draft.ts';
import { problemMessageKey, readActionFile } from '../../action-plans/import.ts';
import { createItems } from '../../action-plans/repository.ts';
import { readTextFile } from '../files.ts';
import { parseOptions, type CliCommand } from '../io.ts';

/**
 * `tasa import actions <file.csv|file.yaml> [--dry-run]`: every row is
 * checked first; any bad row means nothing is imported.
 */
export const importActions: CliCommand = async (args, { out, err, t, openOrganization }) => {
  const { positional, flags } = parseOptions(args);
  const dryRun = flags.has('dry-run');
  const file = positional[0];
  if (!file) {
    err(t('cli:missingArgument', { name: t('cli:arguments.file') }));
    return 2;
  }
  const text = readTextFile(file);
  const organization = await openOrganization();
  try {
    const result = readActionFile(file, text, {
      check: (input) =>
        checkItem(input, {
          config: organization.config,
          directory: organization.directory,
          today: organization.today,
          isNew: true,
        }),
      directory: organization.directory,
    });
    if (!result.ok) {
      for (const problem of result.problems) {
        err(
          t('actions:import.problem', {
            line: problem.line,
            field: problem.field,
            message: t(problemMessageKey(problem.key), problem.params),
          }),
        );
      }
      err(t('actions:import.nothingImported', { count: result.problems.length, file }));
      return 1;
    }
    if (dryRun) {
      out(t('actions:import.dryRunOk', { count: result.rows.length, file }));
      return 0;
    }
    const now = new Date().toISOString();
    const created = await createItems(
      organization.store,
      result.rows.map((row) => ({
        ...row.fields,
        notes: [],
        evidence: [],
        created: { by: 'import', at: now },
        history: [],
      })),
    );
    out(
      t('actions:import.imported', {
        count: created.length,
        file,
        ids: created.map((i) => i.id).join(', '),
      }),
    );
    return 0;
  } finally {
    await organization.close();
  }
};
