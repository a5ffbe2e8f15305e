import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sicFixed } from '../../src/catalogue/sic-fixed.ts';
import { i18nFor } from '../helpers/i18n.ts';

/**
 * Reads the guiding questions straight out of the toolkit's PDF extraction,
 * independently of the catalogue: a question is a bullet that ends with a
 * question mark within ten lines (the bullets under Ghent's procurement
 * clause and the contextual factors do not), and a
 * group of bullets belongs to the nearest key-factor heading.
 */
function seedQuestions(text: string, headings: ReadonlyMap<string, string>) {
  const lines = text.split('\n').map((line) => line.trim());
  const headingLines: { line: number; keyFactor: string }[] = [];
  lines.forEach((line, index) => {
    const keyFactor = headings.get(line);
    if (keyFactor) headingLines.push({ line: index, keyFactor });
  });

  const questions: { line: number; text: string }[] = [];
  let current: { line: number; parts: string[] } | undefined;
  const finish = (): void => {
    const joined = current?.parts.join(' ').trim();
    if (current && joined?.endsWith('?')) questions.push({ line: current.line, text: joined });
    current = undefined;
  };
  lines.forEach((line, index) => {
    if (line.startsWith('•')) {
      finish();
      current = { line: index, parts: [line.replace(/^•\s*/, '')] };
    } else if (current && line !== '') {
      current.parts.push(line);
      if (line.endsWith('?')) finish();
      // No question in the toolkit runs longer than ten lines: this is prose.
      else if (current.parts.length > 10) current = undefined;
    } else if (current && current.parts.join(' ').trim().endsWith('?')) {
      finish();
    }
  });
  finish();

  return questions.map((question) => {
    const nearest = [...headingLines].sort(
      (a, b) => Math.abs(a.line - question.line) - Math.abs(b.line - question.line),
    )[0];
    return { keyFactor: nearest?.keyFactor, text: question.text };
  });
}

/** Hyphenation and line breaks differ between the PDF and the repaired text. */
const normal = (text: string): string => text.toLowerCase().replace(/[\s\-–]/g, '');

/** Puts back the toolkit's typo the catalogue corrected, if any, for the comparison. */
function asPrinted(key: string, text: string): string {
  const correction = sicFixed.find((entry) => entry.key === key);
  return correction ? text.replace(correction.fixed, correction.seed) : text;
}

describe('the Finnish catalogue against the toolkit seed', () => {
  const framework = i18nFor('fi').catalogue.framework('integrating-cities', 'fi');
  const headings = new Map(framework.items.map((item) => [item.title.toUpperCase(), item.id]));
  const seedText = readFileSync(
    new URL('../fixtures/integrating-cities-toolkit.fi.txt', import.meta.url),
    'utf8',
  );
  const seed = seedQuestions(seedText, headings);

  it('finds every key-factor heading and 51 questions in the seed', () => {
    expect(headings.size).toBe(11);
    expect(seed).toHaveLength(51);
  });

  it('has every guiding question of the seed exactly once, under its key factor', () => {
    const catalogued = framework.items.flatMap((item) =>
      item.questions.map((q) => ({
        keyFactor: item.id,
        text: normal(
          asPrinted(`integrating-cities.items.${item.id}.questions.Q${q.number}`, q.text),
        ),
      })),
    );
    for (const question of seed) {
      const matches = catalogued.filter((c) => c.text === normal(question.text));
      expect(matches, question.text).toHaveLength(1);
      expect(matches[0]?.keyFactor, question.text).toBe(question.keyFactor);
    }
    expect(catalogued).toHaveLength(seed.length);
  });

  it('corrects only the listed typos, each one printed so in the toolkit', () => {
    const { i18n } = i18nFor('fi');
    const toolkit = normal(seedText);
    expect(sicFixed.length).toBeGreaterThanOrEqual(7);
    for (const entry of sicFixed) {
      const text: unknown = i18n.getResource('fi', 'catalogue', entry.key);
      expect(typeof text, entry.key).toBe('string');
      expect(text, entry.key).toContain(entry.fixed);
      expect(text, entry.key).not.toContain(entry.seed);
      expect(toolkit, entry.seed).toContain(normal(entry.seed));
    }
  });

  it('asks every "-ko" question in one grammatical form', () => {
    const text = (id: string, n: number): string | undefined =>
      framework.items.find((item) => item.id === id)?.questions[n - 1]?.text;
    expect(text('KF01', 4)).toContain('ja pitävätkö he sitä hyödyllisenä');
    expect(text('KF10', 3)).toContain('ja arvioiko se tuloksia');
    expect(text('KF11', 1)).toContain('ja tarkastellakseen heihin');
    expect(text('KF11', 3)).toContain('ja tunnistaako se maahanmuuttajat');
  });

  it('keeps the example text under Ghent’s procurement clause out of the questions', () => {
    const all = framework.items.flatMap((item) => item.questions.map((q) => q.text)).join('\n');
    expect(all).not.toContain('ei salli minkäänlaista');
    expect(all).not.toContain('vaatii kaikkia alihankkijoitaan');
  });

  it('repairs the PDF hyphenation', () => {
    const kf06 = framework.items.find((item) => item.id === 'KF06');
    expect(kf06?.questions[0]?.text).toBe(
      'Onko kaupunkinne työvoimapalvelulla kirjalliset syrjinnän vastaiset periaatteet?',
    );
    expect(kf06?.questions[5]?.text).toBe(
      'Ilmoittavatko maahanmuuttajat että työvoimapalvelut ovat yhdenvertaisesti heidän saatavillaan?',
    );
  });
});
