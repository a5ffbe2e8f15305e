import { describe, expect, it } from 'vitest';
import { languages } from '../../src/i18n/languages.ts';
import { namespaces, type ResourceTree } from '../../src/i18n/resources.ts';
import { frameworkIds } from '../../src/catalogue/definitions.ts';
import { i18nFor, resources } from '../helpers/i18n.ts';

function leaves(tree: ResourceTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string): string =>
  [...text.matchAll(/{{\s*(\w+)\s*}}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

describe('texts in every language', () => {
  for (const namespace of namespaces) {
    it(`${namespace}: same keys, none empty, same placeholders in fi, sv and en`, () => {
      const english = leaves(resources.en[namespace]);
      expect(english.size).toBeGreaterThan(0);
      for (const language of languages) {
        const texts = leaves(resources[language][namespace]);
        expect([...texts.keys()], `${language}/${namespace}.json keys`).toEqual([
          ...english.keys(),
        ]);
        for (const [key, text] of texts) {
          expect(text.trim(), `${language}/${namespace}.json ${key} is empty`).not.toBe('');
          expect(placeholders(text), `${language}/${namespace}.json ${key}`).toBe(
            placeholders(english.get(key) ?? ''),
          );
        }
      }
    });
  }
});

describe('the benchmark catalogue', () => {
  const { catalogue } = i18nFor();

  it('has the same structure in fi, sv and en', () => {
    for (const id of frameworkIds) {
      const shape = (language: (typeof languages)[number]) => {
        const framework = catalogue.framework(id, language);
        return {
          items: framework.items.map((item) => ({
            id: item.id,
            number: item.number,
            questions: item.questions.map((q) => q.id),
            examples: item.examples.length,
            hasStatement: item.statement !== null,
          })),
          contextualFactors: framework.contextualFactors.map((f) => [f.id, f.examples.length]),
          rule: framework.rule && { ...framework.rule, text: undefined },
        };
      };
      expect(shape('sv')).toEqual(shape('fi'));
      expect(shape('en')).toEqual(shape('fi'));
    }
  });

  it('integrating-cities: 11 key factors, 51 guiding questions, 7 contextual factors', () => {
    const framework = catalogue.framework('integrating-cities', 'fi');
    expect(framework.items.map((i) => i.id)).toEqual([
      'KF01',
      'KF02',
      'KF03',
      'KF04',
      'KF05',
      'KF06',
      'KF07',
      'KF08',
      'KF09',
      'KF10',
      'KF11',
    ]);
    expect(framework.items.map((i) => i.questions.length)).toEqual([
      4, 5, 4, 3, 4, 7, 6, 5, 4, 3, 6,
    ]);
    expect(framework.items.every((i) => i.statement && i.reasoning && i.examples.length > 0)).toBe(
      true,
    );
    expect(framework.contextualFactors.map((f) => f.title)).toEqual([
      'Kansallinen lainsäädäntö ja politiikka',
      'Tiedon saatavuus',
      'Maahanmuuttajaväestö',
      'Työmarkkinat ja muut taloudelliset olosuhteet',
      'Kaupungin resurssit',
      'Kaupungin poliittinen tilanne',
      'Kaupungin kansalaisyhteiskunta',
    ]);
    expect(framework.items[0]?.questions[0]?.id).toBe('KF01.Q1');
  });

  it('ECCAR: ten commitments with their official English titles and the one-measure rule', () => {
    const framework = catalogue.framework('eccar-10-point', 'en');
    expect(framework.items.map((i) => `${i.id} ${i.title}`)).toEqual([
      'ECCAR01 Greater vigilance against racism',
      'ECCAR02 Assessing racism and discrimination and monitoring municipal policies',
      'ECCAR03 Better support for the victims of racism and discrimination',
      'ECCAR04 More participation and better informed city dwellers',
      'ECCAR05 The city as an active supporter of equal opportunity practices',
      'ECCAR06 The city as an equal opportunities employer and service provider',
      'ECCAR07 Fair access to housing',
      'ECCAR08 Challenging racism and discrimination through education',
      'ECCAR09 Promoting cultural diversity',
      'ECCAR10 Hate crimes and conflict management',
    ]);
    expect(framework.rule).toMatchObject({ kind: 'minMeasuresPerItem', min: 1 });
    expect(catalogue.framework('eccar-10-point', 'fi').items[9]?.title).toBe(
      'Viharikokset ja konfliktinratkaisu',
    );
  });

  it('good relations: seven goals and at most three in focus per period', () => {
    const framework = catalogue.framework('hvs-7-goals', 'fi');
    expect(framework.items.map((i) => i.id)).toEqual([
      'HVS1',
      'HVS2',
      'HVS3',
      'HVS4',
      'HVS5',
      'HVS6',
      'HVS7',
    ]);
    expect(framework.items[1]?.title).toBe(
      'Edistetään suomalaisen työelämän monimuotoisuutta ja syrjimättömyyttä',
    );
    expect(framework.rule).toMatchObject({ kind: 'maxFocusItemsPerPeriod', max: 3 });
  });
});
