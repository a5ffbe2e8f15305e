import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allItems } from '../../src/action-plans/repository.ts';
import { parseCsv, readCsv } from '../../src/action-plans/csv.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
import { cliOn } from '../helpers/cli.ts';
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
  const run = cliOn(() => ({ config, store }));
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
      'Line 4: title: Give the action item a title.',
      'Line 5: department: “library” is not a department in the config.',
      'Line 5: owners: “someone” is not a person I can recognise (write slack:U…, teams:… or an e-mail address).',
      'Line 5: due: “31.2.2027” is not a date; write it as 2027-03-31 or 31.3.2027.',
      'Line 5: status: “maybe” is not a status; use planned, in progress, done or cancelled.',
      'Line 6: due: The due date 2027-03-01 is before the start date 2027-04-01.',
      'Line 6: owners: “teams:kalle@example.org” is not in the config file: an owner must be a coordinator or a department contact there.',
      `Nothing was imported: 7 problem(s) in ${path}.`,
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
    expect(readCsv('a,b\nx,"open\ny,z\n')).toMatchObject({ unclosedQuote: 2 });
    expect(readCsv('a,b\nx,"closed"\n')).not.toHaveProperty('unclosedQuote');
  });
});

/** Runs an import dry, giving what it printed on stderr. */
async function problemsIn(name: string, content: string | Buffer): Promise<string[]> {
  const { run, store } = cli();
  const path = file(name, '');
  writeFileSync(path, content);
  const result = await run('import', 'actions', path, '--dry-run');
  expect(result.code).toBe(1);
  expect(result.out).toEqual([]);
  expect(await allItems(store)).toEqual([]);
  return result.err.slice(0, -1);
}

const header = 'title,serves,owners,due';

describe('importing a file that is not what it seems', () => {
  it('refuses a file that is not UTF-8, naming the line and the encoding to save as', async () => {
    const latin1 = Buffer.from(`${header}\nTyöllisyys,KF01,UEDU1,2027-06-30\n`, 'latin1');
    const { run } = cli();
    const path = file('latin1.csv', '');
    writeFileSync(path, latin1);
    expect(await run('import', 'actions', path)).toMatchObject({
      code: 1,
      err: [
        `${path} is not UTF-8 text (line 2). Save it as UTF-8 (in Excel: “CSV UTF-8”) and try again.`,
      ],
    });
  });

  it('reads a UTF-8 file with a byte order mark as spreadsheets save it', async () => {
    const { run } = cli();
    const path = file('bom.csv', `\uFEFF${header}\nTyöllisyys,KF01,UEDU1,2027-06-30\n`);
    expect((await run('import', 'actions', path, '--dry-run')).code).toBe(0);
  });

  it('says a file cannot be found, not that a config file cannot be read', async () => {
    const { run } = cli();
    const path = join(dir, 'nowhere.csv');
    expect(await run('import', 'actions', path)).toMatchObject({
      code: 1,
      err: [`Cannot find the file ${path}.`],
    });
  });

  it('reports a quote left open in the last column instead of swallowing the rows after it', async () => {
    const csv = `${header},description\nA,KF01,UEDU1,2027-06-30,"an open quote\nB,KF01,UEDU1,2027-06-30,fine\nC,KF01,UEDU1,2027-06-30,fine\n`;
    expect(await problemsIn('open-quote.csv', csv)).toEqual([
      'Line 2: file: A quote (") opened on this line is never closed, so every row after it would be read into one cell. Close the quote.',
    ]);
  });

  it('refuses a row with more cells than columns, and a column named twice', async () => {
    expect(
      await problemsIn('shifted.csv', `${header}\nA,KF01,UEDU1,2027-06-30,Ghent, Stockholm\n`),
    ).toEqual([
      'Line 2: file: This row has 6 cells but the header has 4: a text holding the delimiter must be in quotes.',
    ]);
    expect(await problemsIn('twice.csv', `${header},title\nA,KF01,UEDU1,2027-06-30,B\n`)).toEqual([
      'Line 1: header: The column “title” appears twice.',
    ]);
  });

  it('refuses owners the config does not name, with their line', async () => {
    expect(
      await problemsIn('stranger.csv', `${header}\nA,KF01,UEDU1;slack:UNOBODY,2027-06-30\n`),
    ).toEqual([
      'Line 2: owners: “slack:UNOBODY” is not in the config file: an owner must be a coordinator or a department contact there.',
    ]);
  });

  it('shows the message of a 10 MB cell, not its key', async () => {
    const long = 'x'.repeat(10_000_000);
    expect(
      await problemsIn('long.csv', `${header},description\nA,KF01,UEDU1,2027-06-30,${long}\n`),
    ).toEqual([
      'Line 2: description: The text is 10000000 characters long; the limit is 3000. Please shorten it.',
    ]);
  });

  it('refuses YAML aliases, and a billion laughs at once', async () => {
    const alias =
      'name: &t Complaints desk\nactions:\n  - title: *t\n    serves: [ECCAR03]\n    owners: [UCOORD]\n    due: 2027-12-31\n';
    expect(await problemsIn('alias.yaml', alias)).toEqual([
      'Line 3: file: Aliases (*t) are not allowed in an action item file; write the values out.',
    ]);
    const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries())
      laughs.push(
        `${name}: &${name} [${Array(9)
          .fill(`*${'abcdefgh'[i] ?? 'a'}`)
          .join(', ')}]`,
      );
    laughs.push(
      'actions:\n  - { title: *i, serves: [ECCAR03], owners: [UCOORD], due: 2027-12-31 }',
    );
    const problems = await problemsIn('laughs.yaml', `${laughs.join('\n')}\n`);
    expect(problems[0]).toBe(
      'Line 2: file: Aliases (*a) are not allowed in an action item file; write the values out.',
    );
  });

  it('refuses values that are not text where text belongs', async () => {
    const yaml =
      'actions:\n  - title: 2027\n    serves: { KF01: yes }\n    owners: [UCOORD]\n    due: 2027-12-31\n';
    expect(await problemsIn('types.yaml', yaml)).toEqual([
      'Line 2: title: “title” must be text; put a number or true/false in quotes.',
      'Line 3: serves: “serves” must be text or a list of texts.',
    ]);
  });

  it('refuses unknown YAML keys as CSV refuses unknown columns, naming the key and the action', async () => {
    const yaml =
      'version: 2\nactions:\n  - title: Complaints desk\n    serves: [ECCAR03]\n    owners: [UCOORD]\n    due: 2027-12-31\n  - title: Hate crime reporting\n    descripton: Typo\n    serves: ECCAR10\n    owners: UCOORD\n    due: 2027-11-30\n  - just a line\n';
    expect(await problemsIn('keys.yaml', yaml)).toEqual([
      'Line 1: file: Unknown key “version”; the file holds a list of action items, or the key “actions” with one.',
      'Line 8: descripton: Action item 2 has an unknown key “descripton”; the keys are: title, description, serves, department, horizon, means, resources, partners, owners, start, due, status.',
      'Line 12: file: Action item 3 is not a set of keys such as “title:” and “due:”.',
    ]);
  });
});
