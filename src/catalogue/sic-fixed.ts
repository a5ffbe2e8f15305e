/**
 * Obvious typos in the Finnish toolkit that the catalogue corrects. The
 * catalogue otherwise keeps the toolkit's wording verbatim; each entry names
 * the text it touches, the toolkit's wording and the correction, so a check
 * against the toolkit can undo exactly these and still prove fidelity.
 */
export interface SicFixed {
  /** Key in `locales/fi/catalogue.json`. */
  key: string;
  /** The wording as printed in the toolkit. */
  seed: string;
  /** The wording the catalogue uses instead. */
  fixed: string;
}

const ic = 'integrating-cities';

export const sicFixed: readonly SicFixed[] = [
  // Case agreement: "torjua" takes the partitive, not the illative.
  {
    key: `${ic}.items.KF04.statement`,
    seed: 'torjumaan syrjintään.',
    fixed: 'torjumaan syrjintää.',
  },
  // Spelling.
  {
    key: `${ic}.items.KF05.questions.Q1`,
    seed: 'käytöntöihin',
    fixed: 'käytäntöihin',
  },
  // The two halves of the question need the same "-ko" form.
  {
    key: `${ic}.items.KF01.questions.Q4`,
    seed: 'sitoumukseen, ja he pitävät sitä',
    fixed: 'sitoumukseen, ja pitävätkö he sitä',
  },
  {
    key: `${ic}.items.KF10.questions.Q3`,
    seed: 'hankintoja ja arvioi tuloksia',
    fixed: 'hankintoja ja arvioiko se tuloksia',
  },
  {
    key: `${ic}.items.KF11.questions.Q1`,
    seed: 'kokemuksia ja tarkastelemalla heihin',
    fixed: 'kokemuksia ja tarkastellakseen heihin',
  },
  {
    key: `${ic}.items.KF11.questions.Q3`,
    seed: 'esteettömyyttä ja tunnistaa maahanmuuttajat',
    fixed: 'esteettömyyttä ja tunnistaako se maahanmuuttajat',
  },
  // The toolkit's phrase lost a word and does not parse.
  {
    key: `${ic}.contextualFactors.CF4.examples.X1`,
    seed: 'taitovaatimukset, olosuhteet itsensä työllistämismahdollisuudet',
    fixed: 'taitovaatimukset, itsensä työllistämisen edellytykset ja mahdollisuudet',
  },
];
