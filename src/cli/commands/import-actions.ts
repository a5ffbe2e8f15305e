import { readFileSync } from 'node:fs';
import { checkItem } from '../../action-plans/draft.ts';
import { readActionFile } from '../../action-plans/import.ts';
import { createItems } from '../../action-plans/repository.ts';
import { parseOptions, type CliCommand } from '../io.ts';

/**
 * `tasa import actions <file.csv|file.yaml> [--dry-run]`: every row is
 * checked first; any bad row means nothing is imported.
 */
export const importActions: CliCommand = async (args, { out, err, t, openOrganization }) => {
  const dryRun = args.includes('--dry-run');
  const { positional } = parseOptions(args.filter((a) => a !== '--dry-run'));
  const file = positional[0];
  if (!file) {
    err(t('cli:missingArgument', { name: '<file>' }));
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    err(t('cli:checkConfig.unreadable', { file }));
    return 1;
  }
  const organization = await openOrganization();
  try {
    const result = readActionFile(file, text, (input) =>
      checkItem(input, {
        config: organization.config,
        directory: organization.directory,
        today: organization.today,
        isNew: true,
      }),
    );
    if (!result.ok) {
      for (const problem of result.problems) {
        err(
          t('actions:import.problem', {
            line: problem.line,
            field: problem.field,
            message: t(`actions:input.${problem.key}`, problem.params),
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
