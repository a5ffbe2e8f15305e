import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allItems } from '../../src/action-plans/repository.ts';
import { parseCsv } from '../../src/action-plans/csv.ts';
import { runCli } from '../../src/cli/run.ts';
import { createDirectory } from '../../src/people/directory.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
import { i18nFor } from '../helpers/i18n.ts';
import { parsedConfig } from '../helpers/world.ts';

const dir = mkdtempSync(join(tmpdir(), 'tasa-import-'));

function cli() {
  const config = parsedConfig();
  const store = openStore({
    url: 'memory:',
    dataDir: '.',
    namespace: 'import',
    clock: fixedClock(new Date('2027-01-04T08:00:00Z')),
  });
  const { t, catalogue } = i18nFor('en');
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      t,
      language: 'en',
      defaultConfigPath: 'tasa.yaml',
      catalogue,
      openOrganization: async () => ({
        config,
        store,
        directory: createDirectory(config, ['slack', 'teams']),
        today: '2027-01-04',
        close: async () => undefined,
      }),
    });
    return { code, out, err };
  };
  return { run, store };
}

const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('importing an action plan', () => {
  it('refuses a file with bad rows, naming each problem with its line, and imports nothing', async () => {
    const { run, store } = cli();
    const path = file(
      'bad.csv',
      [
        'title;description;serves;department;owners;start;due;status',
        'Clause in contracts;"Following Ghent;\nand Stockholm";KF10 ECCAR06;education;slack:UEDU1;2027-01-10;2027-06-30;planned',
        ';No title;KF01;education;UEDU1;;2027-05-31;',
        'Training for staff;;KF08;library;someone;;31.2.2027;maybe',
        'Rights campaign;;KF09|ECCAR04;culture;teams:kalle@example.org;2027-04-01;2027-03-01;in progress',
      ].join('\n'),
    );
    const result = await run('import', 'actions', path, '--dry-run');
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      'Line 4: title: Give the action a title.',
      'Line 5: department: “library” is not a department in the config.',
      'Line 5: owners: “someone” is not a person I can recognise (write slack:U…, teams:… or an e-mail address).',
      'Line 5: due: “31.2.2027” is not a date; write it as 2027-03-31 or 31.3.2027.',
      'Line 5: status: “maybe” is not a status; use planned, in progress, done or cancelled.',
      'Line 6: due: The due date 2027-03-01 is before the start date 2027-04-01.',
      `Nothing was imported: 6 problem(s) in ${path}.`,
    ]);
    expect(await allItems(store)).toEqual([]);
    expect((await run('import', 'actions', path)).code).toBe(1);
    expect(await allItems(store)).toEqual([]);
  });

  it('imports a good CSV file, and a YAML one', async () => {
    const { run, store } = cli();
    const csv = file(
      'good.csv',
      'title,serves,department,owners,due\n"Clause in contracts, all of them",KF10;ECCAR06,education,slack:UEDU1;UEDU2,2027-06-30\nRights campaign,KF09,culture,UCULT1,1.9.2027\n',
    );
    expect(await run('import', 'actions', csv, '--dry-run')).toMatchObject({
      code: 0,
      out: [`2 action item(s) in ${csv} can be imported (dry run: nothing was imported).`],
    });
    expect(await allItems(store)).toEqual([]);
    expect(await run('import', 'actions', csv)).toMatchObject({
      code: 0,
      out: [`Imported 2 action item(s) from ${csv}: A1, A2.`],
    });
    const yaml = file(
      'plan.yaml',
      'actions:\n  - title: Complaints desk\n    serves: [ECCAR03]\n    owners: [UCOORD]\n    due: 2027-12-31\n  - title: Hate crime reporting\n    serves: ECCAR10\n    owners: slack:UCOORD\n    due: 2027-11-30\n    status: in progress\n',
    );
    expect(await run('import', 'actions', yaml)).toMatchObject({
      code: 0,
      out: [`Imported 2 action item(s) from ${yaml}: A3, A4.`],
    });
    const items = await allItems(store);
    expect(items.map((i) => [i.id, i.title, i.owners.join(' '), i.due, i.status])).toEqual([
      [
        'A1',
        'Clause in contracts, all of them',
        'slack:UEDU1 slack:UEDU2',
        '2027-06-30',
        'planned',
      ],
      ['A2', 'Rights campaign', 'slack:UCULT1', '2027-09-01', 'planned'],
      ['A3', 'Complaints desk', 'slack:UCOORD', '2027-12-31', 'planned'],
      ['A4', 'Hate crime reporting', 'slack:UCOORD', '2027-11-30', 'in_progress'],
    ]);
  });

  it('reads quoted fields with line breaks and keeps the line numbers right', () => {
    expect(parseCsv('a,b\n"x\ny",z\nlast,row\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny', 'z'] },
      { line: 4, fields: ['last', 'row'] },
    ]);
  });
});
