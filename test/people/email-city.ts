export const coordination = '19:coordination@thread.tacv2';

/** A city that names everyone by e-mail only: no Slack or Teams ids anywhere. */
export const emailCity = `organization: { name: Testikaupunki, locale: en, timezone: Europe/Helsinki, holidays: FI }
frameworks: [integrating-cities]
coordinators: [ { email: Kaisa.Koordinaattori@testikaupunki.fi, name: Kaisa Koordinaattori } ]
channels: { coordination: { slack: CCOORD, teams: "${coordination}" } }
departments:
  - id: education
    name: Education
    contacts: [ eeva.opettaja@testikaupunki.fi, { email: erkki.rehtori@testikaupunki.fi, name: Erkki Rehtori } ]
    keyFactors: [KF01]
  - id: culture
    name: Culture
    contacts: [ kalle.kulttuuri@testikaupunki.fi ]
    keyFactors: [KF04]
  - id: sports
    name: Sports
    contacts: [ { email: nobody@testikaupunki.fi, name: Nora Nobody } ]
    keyFactors: [KF04]
`;

/** Eeva, named by a bare address, is kept under it. */
export const eeva = 'email:eeva.opettaja@testikaupunki.fi';
