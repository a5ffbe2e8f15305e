import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allItems } from '../../src/action-plans/repository.ts';
import { parseConfig } from '../../src/config/load.ts';
import { formatProblem } from '../../src/config/problems.ts';
import { createDirectory } from '../../src/people/directory.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
import { cliOn } from '../helpers/cli.ts';
import { i18nFor } from '../helpers/i18n.ts';
import { parsedConfig } from '../helpers/world.ts';
import { eeva, emailCity } from './email-city.ts';

describe('e-mail addresses in tasa.yaml', () => {
  const problems = (source: string, language: 'en' | 'fi' = 'en') => {
    const result = parseConfig(source);
    const { t } = i18nFor(language);
    return result.ok ? [] : result.problems.map((p) => formatProblem(t, p));
  };

  it('takes a bare address or { email, name } wherever a person is named, ids still as before', () => {
    const config = parsedConfig(
      emailCity.replace(
        'frameworks: [integrating-cities]',
        'frameworks: [integrating-cities]\nreviewers: [ arvioija@naapurikaupunki.fi, { slack: UREVIEW } ]',
      ),
    );
    const directory = createDirectory(config, ['slack', 'teams']);
    expect(directory.contactsOf('education')).toEqual([
      eeva,
      'email:erkki.rehtori@testikaupunki.fi',
    ]);
    expect(directory.coordinators()).toEqual(['email:kaisa.koordinaattori@testikaupunki.fi']);
    expect(directory.isReviewer('email:arvioija@naapurikaupunki.fi')).toBe(true);
    expect(directory.isReviewer('slack:UREVIEW')).toBe(true);
    expect(directory.nameOf('email:erkki.rehtori@testikaupunki.fi')).toBe('Erkki Rehtori');
    // On Teams the address is the id the adapter knows a person by, in any case.
    expect(
      directory.canonicalKey({ platform: 'teams', id: 'Eeva.Opettaja@Testikaupunki.fi' }),
    ).toBe(eeva);
  });

  it('explains an address that is not one, in the reader’s language, with its line', () => {
    const bad = emailCity.replace('kalle.kulttuuri@testikaupunki.fi', 'kalle.kulttuuri');
    expect(problems(bad)).toEqual([
      'departments[1].contacts[0]: expected an e-mail address such as maija.meikalainen@hel.fi (found “kalle.kulttuuri”) (line 12)',
    ]);
    expect(problems(bad, 'fi')[0]).toContain('tähän kuuluu sähköpostiosoite');
    expect(problems(emailCity.replace('erkki.rehtori@testikaupunki.fi', 'erkki@'))).toEqual([
      'departments[0].contacts[1].email: expected an e-mail address such as maija.meikalainen@hel.fi (found “erkki@”) (line 8)',
    ]);
    expect(problems(emailCity.replace('[ kalle.kulttuuri@testikaupunki.fi ]', '[ 42 ]'))).toEqual([
      'departments[1].contacts[0]: expected an e-mail address, or a person such as {email: …, name: …} (found a number) (line 12)',
    ]);
    expect(
      problems(
        emailCity.replace(
          '{ email: nobody@testikaupunki.fi, name: Nora Nobody }',
          '{ name: Nora Nobody }',
        ),
      ),
    ).toEqual([
      'departments[2].contacts[0]: a person needs an e-mail address (email:), a Slack user id (slack:) or a Teams id (teams:) (line 16)',
    ]);
  });

  it('imports action items whose owners are written as e-mail addresses', async () => {
    const config = parsedConfig(emailCity);
    const store = openStore({
      url: 'memory:',
      dataDir: '.',
      namespace: 'import',
      clock: fixedClock(new Date('2027-01-04T08:00:00Z')),
    });
    const path = join(mkdtempSync(join(tmpdir(), 'tasa-email-')), 'plan.csv');
    writeFileSync(
      path,
      'title,serves,department,owners,due\nContracts,KF01,education,Eeva.Opettaja@testikaupunki.fi,2027-06-30\n',
    );
    const result = await cliOn(() => ({ config, store }))('import', 'actions', path);
    expect(result.err).toEqual([]);
    expect((await allItems(store)).map((item) => item.owners)).toEqual([[eeva]]);
  });
});
