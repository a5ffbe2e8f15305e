import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n/languages.ts';
import { i18nFor } from '../helpers/i18n.ts';

const framework = (language: Language) =>
  i18nFor(language).catalogue.framework('integrating-cities', language);
const item = (language: Language, id: string) => {
  const found = framework(language).items.find((i) => i.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};
const factor = (language: Language, id: string) =>
  framework(language).contextualFactors.find((f) => f.id === id);

describe('city examples and contextual factors say what the toolkit says', () => {
  const seven = { fi: 'seitsemän', sv: 'sju', en: 'seven' } as const;
  const timeLimits = {
    fi: 'tietyissä aikarajoissa',
    sv: 'inom vissa tidsgränser',
    en: 'within certain time limits',
  } as const;

  for (const language of ['fi', 'sv', 'en'] as const) {
    it(`${language}: Malmö names seven grounds, Ghent is free within time limits, CF6 stands alone`, () => {
      const malmo = item(language, 'KF02').examples[0]?.gist ?? '';
      expect(malmo).toContain(seven[language]);
      expect(malmo).not.toMatch(/kaikki syrjintäperusteet|alla diskrimineringsgrunder|all grounds/);
      expect(item(language, 'KF07').examples[0]?.gist).toContain(timeLimits[language]);
      const policy = factor(language, 'CF6')?.examples[1] ?? '';
      expect(policy).not.toMatch(/^(Its|Sen|Dess)\b/);
    });
  }

  it('fi: Amsterdam’s strategy is the subject of its mainstreaming', () => {
    expect(item('fi', 'KF02').examples[1]?.gist).toContain(', ja se valtavirtaistetaan');
  });

  it('fi: the labour-market factor parses', () => {
    expect(factor('fi', 'CF4')?.examples[0]).toBe(
      'Työttömyysaste ja paikallisten työnantajien taitovaatimukset, itsensä työllistämisen edellytykset ja mahdollisuudet',
    );
  });

  it('sv: ECCAR speaks of commitments, the labour market lies beyond the city as employer, one word for the employment service', () => {
    const sv = i18nFor('sv').catalogue;
    const rule = sv.framework('eccar-10-point', 'sv').rule?.text ?? '';
    expect(rule).toContain('åtagande');
    expect(rule).not.toContain('målområde');
    const kf06 = item('sv', 'KF06');
    expect(kf06.reasoning).toContain('utöver staden som arbetsgivare');
    expect(kf06.questions[0]?.text).toContain('arbetskraftsservice');
    expect(kf06.questions[5]?.text).toContain('arbetskraftsservicen');
    expect(kf06.questions.map((q) => q.text).join(' ')).not.toContain('arbetskraftstjänst');
  });
});
