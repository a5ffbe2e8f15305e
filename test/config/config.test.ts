import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfig } from '../../src/config/load.ts';
import { formatProblem } from '../../src/config/problems.ts';
import { i18nFor } from '../helpers/i18n.ts';

const example = readFileSync(
  new URL('../../src/config/tasa.example.yaml', import.meta.url),
  'utf8',
);

/** A small valid config; each test breaks one thing in it. */
const valid = `organization: { name: City of Helsinki, locale: fi, timezone: Europe/Helsinki, holidays: FI }
frameworks: [integrating-cities, eccar-10-point]
coordinators: [ { slack: U0COORD1 }, { teams: "29:1a2b3c" } ]
channels:
  coordination: { slack: C0COORD, teams: "19:abc@thread.tacv2" }
  steering: { slack: C0STEER }
departments:
  - id: education
    name: { fi: Kasvatuksen ja koulutuksen toimiala, sv: Fostrans- och utbildningssektorn, en: Education }
    contacts: [ { slack: U0EDU1 }, { teams: "29:9z8y" } ]
    keyFactors: all
  - id: culture
    name: { fi: Kulttuurin ja vapaa-ajan toimiala }
    contacts: [ { slack: U0CULT1 } ]
    keyFactors: [KF01, KF06]
schedule:
  checkIns: "0 9 * * 1"
  reminders: "0 9 * * 1-5"
  rollup: "0 14 * * 5"
  digest: "0 8 * * 1"
`;

function problems(source: string, language: 'fi' | 'sv' | 'en' = 'en'): string[] {
  const result = parseConfig(source);
  if (result.ok) return [];
  const { t } = i18nFor(language);
  return result.problems.map((problem) => formatProblem(t, problem));
}

describe('the organisation config', () => {
  it('accepts the documented example and the minimal config', () => {
    expect(problems(example)).toEqual([]);
    const result = parseConfig(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.organization.id).toBe('city-of-helsinki');
    expect(result.config.frameworks[0]).toBe('integrating-cities');
    expect(result.config.departments[1]?.keyFactors).toEqual(['KF01', 'KF06']);
  });

  it('fills in schedule defaults and the holiday calendar when left out', () => {
    const result = parseConfig(
      valid.replace(/schedule:[\s\S]*$/, '').replace(', holidays: FI', ''),
    );
    expect(result.ok && result.config.schedule).toEqual({
      openCycle: '0 8 1 1,4,7,10 *',
      checkIns: '0 9 * * 1',
      reminders: '0 9 * * 1-5',
      rollup: '0 14 * * 5',
      digest: '0 8 * * 1',
      reviews: '0 13 * * 1-5',
      graceHours: 6,
    });
    expect(result.ok && result.config.cycles).toEqual({
      dueInDays: 42,
      evidenceStaleAfterMonths: 24,
    });
    expect(result.ok && result.config.actionPlans).toEqual({
      remindDaysBefore: [7, 1],
      escalateAfterDaysOverdue: 7,
    });
    expect(result.ok && result.config.organization.holidays).toBe('none');
  });

  const cases: [string, string, string][] = [
    [
      'a missing field',
      valid.replace('name: City of Helsinki, ', ''),
      'organization.name: this is required but missing (line 1)',
    ],
    [
      'a wrong type',
      valid.replace('contacts: [ { slack: U0CULT1 } ]', 'contacts: U0CULT1'),
      'departments[1].contacts: expected a list, found text (line 14)',
    ],
    [
      'an unknown key',
      valid.replace('timezone:', 'timzone:'),
      'organization.timzone: unknown key “timzone”; did you mean “timezone”? (line 1)',
    ],
    [
      'a bad cron',
      valid.replace('"0 14 * * 5"', '"0 25 * * 5"'),
      'schedule.rollup: expected a cron schedule of five fields, such as "0 9 * * 1" for Mondays at 9:00 (found “0 25 * * 5”) (line 19)',
    ],
    [
      'a bad time zone',
      valid.replace('Europe/Helsinki', 'Europe/Helsinky'),
      'organization.timezone: expected a time zone such as Europe/Helsinki (found “Europe/Helsinky”) (line 1)',
    ],
    [
      'a duplicate department id',
      valid.replace('id: culture', 'id: education'),
      'departments[1].id: the department id “education” is already used by departments[0] (line 12)',
    ],
    [
      'an unknown framework',
      valid.replace('eccar-10-point]', 'eccar-ten]'),
      'frameworks[1]: expected one of: integrating-cities, eccar-10-point, hvs-7-goals (found “eccar-ten”) (line 2)',
    ],
    [
      'a contact without any platform id',
      valid.replace('{ slack: U0CULT1 }', '{ name: Maija }'),
      'departments[1].contacts[0]: a person needs an e-mail address (email:), a Slack user id (slack:) or a Teams id (teams:) (line 14)',
    ],
    [
      'a malformed Slack user id',
      valid.replace('U0CULT1', 'maija'),
      'departments[1].contacts[0].slack: expected a Slack user id such as U012AB3CD (found “maija”) (line 14)',
    ],
    [
      'a malformed Teams channel id',
      valid.replace('19:abc@thread.tacv2', '19:abc'),
      'channels.coordination.teams: expected a Teams channel id such as 19:abc123@thread.tacv2 (found “19:abc”) (line 5)',
    ],
    [
      'an unsupported locale',
      valid.replace('locale: fi', 'locale: de'),
      'organization.locale: expected one of: fi, sv, en (found “de”) (line 1)',
    ],
    [
      'an unknown key factor',
      valid.replace('[KF01, KF06]', '[KF01, KF12]'),
      'departments[1].keyFactors[1]: KF12 is not a key factor of integrating-cities (line 15)',
    ],
    [
      'an unknown holiday calendar',
      valid.replace('holidays: FI', 'holidays: XX'),
      'organization.holidays: expected a holiday calendar such as FI, SE or DE-BY, or none (found “XX”) (line 1)',
    ],
    [
      'no coordinators',
      valid.replace(/coordinators: .*\n/, 'coordinators: []\n'),
      'coordinators: expected a list with at least 1 entry (line 3)',
    ],
    [
      'a framework without questions first',
      valid.replace('[integrating-cities, eccar-10-point]', '[eccar-10-point]'),
      'frameworks[0]: the first framework drives the check-ins and must have guiding questions; eccar-10-point has none (put integrating-cities first) (line 2)',
    ],
    [
      'a name missing in the organisation language',
      valid.replace('{ fi: Kulttuurin ja vapaa-ajan toimiala }', '{ en: Culture }'),
      "departments[1].name.fi: the name is missing in the organisation's language (fi) (line 13)",
    ],
    [
      'keyFactors neither all nor a list',
      valid.replace('keyFactors: all', 'keyFactors: 3'),
      'departments[0].keyFactors: expected all, or a list of key factor ids such as [KF01, KF06] (found a number) (line 11)',
    ],
    [
      'a number below its range',
      `${valid}  graceHours: -1\n`,
      'schedule.graceHours: must be at least 0 (found -1) (line 21)',
    ],
    [
      'a number far above its range',
      `${valid}  graceHours: 1e308\n`,
      'schedule.graceHours: must be at most 72 (found 1e+308) (line 21)',
    ],
    [
      'a number that is not a number',
      `${valid}  graceHours: .nan\n`,
      'schedule.graceHours: must be a finite number (found NaN) (line 21)',
    ],
    [
      'an infinite number',
      `${valid}cycles: { dueInDays: .inf }\n`,
      'cycles.dueInDays: must be a finite number (found Infinity) (line 21)',
    ],
    [
      'a fraction where a whole number belongs',
      `${valid}cycles: { dueInDays: 1.5 }\n`,
      'cycles.dueInDays: must be a whole number (found 1.5) (line 21)',
    ],
    [
      'an alias with no anchor',
      valid.replace('contacts: [ { slack: U0CULT1 } ]', 'contacts: *kalle'),
      '(the whole file): the alias *kalle has no anchor &kalle before it (line 14)',
    ],
    ['invalid YAML', valid.replace('channels:', 'channels: [\n'), ''],
  ];

  for (const [kind, source, expected] of cases) {
    it(`reports ${kind} with its path`, () => {
      const found = problems(source);
      if (expected === '') {
        expect(found.length).toBeGreaterThan(0);
        expect(found[0]).toMatch(
          /^\(the whole file\): the file is not valid YAML: .+ \(line \d+\)$/,
        );
      } else {
        expect(found).toEqual([expected]);
      }
    });
  }

  it('lists every problem at once, not just the first', () => {
    const broken = valid
      .replace('Europe/Helsinki', 'Mars/Olympus')
      .replace('U0EDU1', 'edu')
      .replace('"0 8 * * 1"', '"every monday"');
    expect(problems(broken).map((line) => line.split(':')[0])).toEqual([
      'organization.timezone',
      'departments[0].contacts[0].slack',
      'schedule.digest',
    ]);
  });

  it('refuses a billion laughs at once, with the line of its first alias', () => {
    const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
      const previous = i === 0 ? 'a' : (['b', 'c', 'd', 'e', 'f', 'g', 'h'][i - 1] ?? 'a');
      laughs.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    expect(problems(`${valid}${laughs.join('\n')}\n`)).toEqual([
      '(the whole file): the aliases (*name) expand to too much; write the values out instead (line 22)',
    ]);
  });

  it('still reads a person named once and reused with an alias', () => {
    const reused = valid
      .replace('{ slack: U0COORD1 }', '&kaisa { slack: U0COORD1 }')
      .replace('{ slack: U0CULT1 }', '*kaisa');
    expect(problems(reused)).toEqual([]);
  });

  it('refuses a file that is not UTF-8, naming the line to fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tasa-config-'));
    const file = join(dir, 'latin1.yaml');
    writeFileSync(file, Buffer.from(valid.replace('Kulttuurin', 'Ty\u00f6llisyys'), 'latin1'));
    const result = loadConfigFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { t } = i18nFor('en');
    expect(result.problems.map((problem) => formatProblem(t, problem))).toEqual([
      '(the whole file): the file is not UTF-8 text; save it as UTF-8 and try again (line 13)',
    ]);
  });

  it('reports an empty file as empty', () => {
    expect(problems('')).toEqual(['(the whole file): the file is empty']);
    expect(problems('# only a comment\n')).toEqual(['(the whole file): the file is empty']);
  });

  it('explains problems in Finnish and Swedish too', () => {
    const source = valid.replace('U0CULT1', 'maija');
    expect(problems(source, 'fi')[0]).toMatch(
      /^departments\[1\]\.contacts\[0\]\.slack: .*U012AB3CD.*maija.*14/,
    );
    expect(problems(source, 'sv')[0]).toMatch(
      /^departments\[1\]\.contacts\[0\]\.slack: .*U012AB3CD.*maija.*14/,
    );
    expect(problems(source, 'fi')[0]).not.toBe(problems(source, 'en')[0]);
  });
});
