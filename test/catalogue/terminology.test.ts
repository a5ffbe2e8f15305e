import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n/languages.ts';
import { namespaces, type ResourceTree } from '../../src/i18n/resources.ts';
import { resources } from '../helpers/i18n.ts';

function leaves(tree: ResourceTree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value] as [string, string]] : leaves(value, path);
  });
}

/**
 * One word per idea. `everywhere` bans a variant in every text; `outsideCatalogue`
 * bans it in the interface only, because the catalogue renders the toolkit's
 * own wording (its questions speak of "osastot", "avdelningar" and "measures").
 */
interface Ban {
  variant: RegExp;
  use: string;
  scope: 'everywhere' | 'outsideCatalogue';
  /** Texts that must keep the word, e.g. a command name typed as is. */
  except?: readonly string[];
}

const bans: Readonly<Record<Language, readonly Ban[]>> = {
  fi: [
    { variant: /ohjaav\p{L}* kysym/iu, use: 'opastavat kysymykset', scope: 'everywhere' },
    { variant: /yksik(kö|ö)|osasto/iu, use: 'toimiala', scope: 'outsideCatalogue' },
    { variant: /(?<!viite)kehy[sk]|kehik/iu, use: 'viitekehys', scope: 'everywhere' },
    { variant: /työkalu(?!pak)/iu, use: 'työkalupakki', scope: 'everywhere' },
  ],
  sv: [
    { variant: /\b(enhet|avdelning)/iu, use: 'sektor', scope: 'outsideCatalogue' },
    { variant: /inställd|annullerad|struken/iu, use: 'avbruten', scope: 'everywhere' },
    {
      variant: /tidsfrist|deadline|förfallodag|senast \{\{due\}\}/iu,
      use: 'sista dag',
      scope: 'everywhere',
    },
    { variant: /målområde/iu, use: 'åtagande', scope: 'everywhere' },
  ],
  en: [
    { variant: /\bmeasures?\b/iu, use: 'action item', scope: 'outsideCatalogue' },
    {
      // "action plan" is the plan, "action item" the thing in it.
      variant: /\bactions?\b(?! (item|plan))(?!”)/iu,
      use: 'action item',
      scope: 'outsideCatalogue',
      // Command words people type: `actions …`, `action new`, `tasa import actions`.
      except: ['commands:list.actions.usage', 'commands:list.actionNew.usage', 'cli:usage'],
    },
  ],
};

function offences(language: Language): string[] {
  return namespaces.flatMap((namespace) =>
    leaves(resources[language][namespace]).flatMap(([key, text]) =>
      bans[language]
        .filter((ban) => ban.scope === 'everywhere' || namespace !== 'catalogue')
        .filter((ban) => !ban.except?.includes(`${namespace}:${key}`))
        .filter((ban) => ban.variant.test(text))
        .map((ban) => `${language}/${namespace}.json ${key}: use “${ban.use}” — ${text}`),
    ),
  );
}

describe('terminology: one word per idea in each language', () => {
  for (const language of ['fi', 'sv', 'en'] as const) {
    it(`${language}: no banned variant in any locale file`, () => {
      expect(offences(language)).toEqual([]);
    });
  }

  it('catches a banned variant where one appears', () => {
    const [fiBan, , , toolkit] = bans.fi;
    expect(fiBan?.variant.test('Ohjaavat kysymykset')).toBe(true);
    expect(toolkit?.variant.test('Integrating Cities -työkalusta')).toBe(true);
    expect(toolkit?.variant.test('Integrating Cities -työkalupakista')).toBe(false);
    expect(bans.sv[0]?.variant.test('din avdelning')).toBe(true);
    expect(bans.sv[1]?.variant.test('inställd')).toBe(true);
    expect(bans.en[1]?.variant.test('New action…')).toBe(true);
    expect(bans.en[1]?.variant.test('New action item…')).toBe(false);
    expect(bans.en[1]?.variant.test('the action plan')).toBe(false);
  });

  it('uses the chosen words for the core ideas', () => {
    const all = (language: Language): string =>
      namespaces.flatMap((ns) => leaves(resources[language][ns]).map(([, t]) => t)).join('\n');
    expect(all('fi')).toMatch(/Opastavat kysymykset/);
    expect(all('fi')).toMatch(/työkalupakista/);
    expect(all('sv')).toMatch(/avbruten/);
    expect(all('sv')).toMatch(/Sista dag/);
    expect(all('en')).toMatch(/New action item…/);
  });
});
