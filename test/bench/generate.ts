/**
 * A large, made-up organisation for the benchmark: 250 departments asked every
 * key factor, twelve past quarterly cycles plus the open one (about 60 %
 * answered), about 150,000 answers in all, and 10,000 action items.
 *
 * It is written straight through the Store (the shapes the check-in engine and
 * the action plans keep), not through the chat engine: driving 150,000 answers
 * through clicks would take longer than the whole benchmark may. Everything
 * comes from a seeded generator, so two runs measure the same data.
 */
import { stringify } from 'yaml';
import type { ActionItem, ActionStatus, ItemChange, Serves } from '../../src/action-plans/item.ts';
import { createItems } from '../../src/action-plans/repository.ts';
import { loadCatalogue, type Catalogue } from '../../src/catalogue/load.ts';
import {
  keyFactorRatings,
  type Answer,
  type AnswerStatus,
  type Evidence,
  type Rating,
} from '../../src/checkins/answer.ts';
import {
  emptyRecord,
  recordKey,
  type DepartmentRecord,
} from '../../src/checkins/record-repository.ts';
import { summarise, summaryKey } from '../../src/checkins/summary.ts';
import { parseConfig } from '../../src/config/load.ts';
import type { OrganizationConfig } from '../../src/config/schema.ts';
import { freezeScope, type Cycle } from '../../src/cycles/cycle.ts';
import { saveCycle } from '../../src/cycles/repository.ts';
import { isoWeek } from '../../src/reports/period.ts';
import { addDays } from '../../src/shared/dates.ts';
import type { Store } from '../../src/store/store.ts';
import { openStore } from '../../src/store/open.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { createI18n } from '../../src/i18n/create.ts';
import { readResources } from '../../src/i18n/resources.ts';
import { saveSnapshot } from '../../src/reports/digest.ts';

export const shape = {
  departments: 250,
  /** Closed cycles before the open one. */
  pastCycles: 12,
  items: 10_000,
  /** Share of the open cycle's questions answered. */
  openAnswered: 0.6,
} as const;

/** The benchmark's "now": a Friday a week after the open cycle's due date, so late and overdue lists are long. */
export const benchToday = '2027-11-19';
export const benchNow = '2027-11-19T12:00:00.000Z';
/** When the previous roll-up went out, a week earlier. */
export const lastRollupAt = '2027-11-12T12:00:00.000Z';

/** mulberry32: small, fast and seeded, so the data is the same on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const between = (rng: Rng, from: number, to: number): number => from + rng() * (to - from);
const pad = (n: number, width = 3): string => String(n).padStart(width, '0');
/** An instant between two, as ISO text. */
const instant = (rng: Rng, from: string, to: string): string =>
  new Date(between(rng, Date.parse(from), Date.parse(to))).toISOString();

const departmentBases: readonly { fi: string; sv: string; en: string }[] = [
  {
    fi: 'Kasvatuksen ja koulutuksen palvelu',
    sv: 'Fostrans- och utbildningstjänst',
    en: 'Education service',
  },
  {
    fi: 'Sosiaali- ja terveyspalvelu',
    sv: 'Social- och hälsovårdstjänst',
    en: 'Social and health service',
  },
  { fi: 'Kaupunkiympäristön palvelu', sv: 'Stadsmiljötjänst', en: 'Urban environment service' },
  {
    fi: 'Kulttuurin ja vapaa-ajan palvelu',
    sv: 'Kultur- och fritidstjänst',
    en: 'Culture and leisure service',
  },
  { fi: 'Henkilöstöpalvelu', sv: 'Personaltjänst', en: 'Human resources unit' },
  { fi: 'Hankintapalvelu', sv: 'Upphandlingstjänst', en: 'Procurement unit' },
  { fi: 'Asukaspalvelu', sv: 'Invånartjänst', en: 'Resident services unit' },
  { fi: 'Työllisyyspalvelu', sv: 'Sysselsättningstjänst', en: 'Employment service' },
];
const firstNames = [
  'Aino',
  'Eeva',
  'Mikko',
  'Juha',
  'Sanna',
  'Leena',
  'Ahmed',
  'Fatima',
  'Olli',
  'Kaisa',
  'Pekka',
  'Nora',
];
const lastNames = [
  'Virtanen',
  'Korhonen',
  'Nieminen',
  'Mäkinen',
  'Hämäläinen',
  'Laine',
  'Ali',
  'Heikkinen',
  'Koskinen',
  'Järvinen',
];

/** Pieces of a department's own words; a few make up an explanation of about 200 characters. */
const phrases = [
  'Yhdenvertaisuussuunnitelma hyväksyttiin johtoryhmässä keväällä',
  'ja sen toteutumista seurataan puolivuosittain.',
  'Henkilöstölle järjestettiin kaksi koulutusta syrjimättömyydestä,',
  'mutta osallistujia oli vähemmän kuin toivoimme.',
  'Asiakaspalautteessa ei ole vielä kysymystä koetusta syrjinnästä;',
  'lisäämme sen ensi vuoden kyselyyn.',
  'Rekrytointi-ilmoituksissa kannustetaan hakemaan kaikkia taustasta riippumatta,',
  'ja anonyymia rekrytointia kokeillaan kahdessa yksikössä.',
  'Tiedot kerätään palvelukohtaisesti eikä niitä ole vielä koottu yhteen.',
  'Järjestöjen kanssa pidetään neljännesvuosittain tapaaminen,',
  'jossa käydään läpi palveluiden saavutettavuutta.',
  'Budjetissa ei ole erillistä määrärahaa, mikä hidastaa työtä.',
  'Tulkkauspalveluiden käyttöä laajennettiin kaikkiin asiointipisteisiin.',
  'Vastuuhenkilö nimettiin syksyllä, ja hän raportoi suoraan toimialajohtajalle.',
];

function explanation(rng: Rng): string {
  let text = pick(rng, phrases);
  while (text.length < 190) text += ` ${pick(rng, phrases)}`;
  return text.length > 230 ? `${text.slice(0, 229).trimEnd()}…` : text;
}

/** A realistic mix: mostly yes/partly, some no, a few don't know and not applicable. */
function status(rng: Rng): AnswerStatus {
  const x = rng();
  return x < 0.35
    ? 'yes'
    : x < 0.65
      ? 'partly'
      : x < 0.85
        ? 'no'
        : x < 0.95
          ? 'dont_know'
          : 'not_applicable';
}

function evidence(rng: Rng, department: string, cycle: string, question: string): Evidence[] {
  const x = rng();
  const count = x < 0.6 ? 0 : x < 0.9 ? 1 : 2;
  return Array.from({ length: count }, (_, i) => ({
    url: `https://intranet.example.fi/${department}/${cycle}/${question.replace('.', '-')}/liite-${i + 1}.pdf`,
    ...(rng() < 0.5 ? { title: `Liite ${i + 1}: ${question} (${cycle})` } : {}),
  }));
}

export interface Organisation {
  config: OrganizationConfig;
  yaml: string;
}

/** The organisation config, generated as YAML and read by the real parser. */
export function organisation(): Organisation {
  const rng = random(7);
  const departments = Array.from({ length: shape.departments }, (_, i) => {
    const n = i + 1;
    const base = departmentBases[i % departmentBases.length]!;
    return {
      id: `d${pad(n)}`,
      name: { fi: `${base.fi} ${n}`, sv: `${base.sv} ${n}`, en: `${base.en} ${n}` },
      contacts: [
        { slack: `U0D${pad(n)}`, name: `${pick(rng, firstNames)} ${pick(rng, lastNames)}` },
      ],
      keyFactors: 'all',
    };
  });
  const yaml = stringify({
    organization: {
      name: 'Suurkaupunki',
      locale: 'fi',
      timezone: 'Europe/Helsinki',
      holidays: 'FI',
    },
    frameworks: ['integrating-cities', 'eccar-10-point', 'hvs-7-goals'],
    coordinators: [{ slack: 'U0COORD1', name: 'Kaisa Koordinaattori' }],
    channels: { coordination: { slack: 'C0COORD' }, steering: { slack: 'C0STEER' } },
    departments,
    actionPlans: { goodRelations: { period: '2027–2028', focusGoals: ['HVS1', 'HVS3', 'HVS5'] } },
  });
  const parsed = parseConfig(yaml);
  if (!parsed.ok)
    throw new Error(`bench config does not parse: ${JSON.stringify(parsed.problems)}`);
  return { config: parsed.config, yaml };
}

const cycleCount = shape.pastCycles + 1;

/** Quarterly cycles 2024-Q4 … 2027-Q3, closed, and 2027-Q4, open; each due six weeks after it opens. */
export function cycles(config: OrganizationConfig, catalogue: Catalogue): Cycle[] {
  const scope = freezeScope(config, catalogue);
  return Array.from({ length: cycleCount }, (_, i) => {
    const quarters = i + 3; // quarters since 2024-Q1
    const year = 2024 + Math.floor(quarters / 4);
    const quarter = (quarters % 4) + 1;
    const opened = `${year}-${pad(quarter * 3 - 2, 2)}-01`;
    const open = i === cycleCount - 1;
    return {
      id: `${year}-Q${quarter}`,
      openedAt: `${opened}T06:00:00.000Z`,
      openedBy: 'slack:U0COORD1',
      dueDate: addDays(opened, 42),
      ...(open
        ? {}
        : { closedAt: `${addDays(opened, 80)}T12:00:00.000Z`, closedBy: 'slack:U0COORD1' }),
      ...scope,
    };
  });
}

export interface Counts {
  records: number;
  answers: number;
  openAnswers: number;
  openQuestions: number;
  ratings: number;
  evidence: number;
  skips: number;
}

/**
 * One department's record in one cycle. Departments differ in how far they
 * got and how well they rate themselves; ratings drift up over the cycles, so
 * the digest has key factors that "moved up".
 */
function departmentRecord(
  rng: Rng,
  cycle: Cycle,
  index: number,
  departmentIndex: number,
  open: boolean,
  counts: Counts,
): DepartmentRecord {
  const department = cycle.departments[departmentIndex]!;
  const record = emptyRecord(cycle.id, department.id);
  const person = `slack:U0D${pad(departmentIndex + 1)}`;
  const end = open ? benchNow : `${addDays(cycle.dueDate, 14)}T15:00:00.000Z`;
  const questions = cycle.keyFactors.flatMap((kf) => kf.questions.map((q) => ({ kf, q })));
  // In the open cycle people work through the questions in order and stop somewhere:
  // a tenth have not started, a sixth are done, the rest are part-way (≈ 60 % overall).
  const progress = open
    ? ((x) => (x < 0.1 ? 0 : x < 0.27 ? 1 : between(rng, 0.3, 0.9)))(rng())
    : 0.97 + rng() * 0.03;
  const answerable = Math.round(progress * questions.length);
  const skill = ((departmentIndex * 37) % 100) / 100;
  let asked = 0;
  for (const kf of cycle.keyFactors) {
    if (rng() < 0.03 && asked < answerable) {
      record.skips[kf.id] = {
        reason: 'Ei koske toimialaamme tällä kaudella.',
        by: person,
        at: instant(rng, cycle.openedAt, end),
      };
      counts.skips++;
      asked += kf.questions.length;
      continue;
    }
    let answeredAll = true;
    for (const q of kf.questions) {
      asked++;
      if (asked > answerable || (!open && rng() < 0.02)) {
        answeredAll = false;
        continue;
      }
      const at = instant(rng, cycle.openedAt, end);
      const links = evidence(rng, department.id, cycle.id, q.id);
      const earlier = rng() < 0.2;
      const answer: Answer = {
        status: status(rng),
        explanation: explanation(rng),
        evidence: links,
        late: at.slice(0, 10) > cycle.dueDate,
        revision: earlier ? 2 : 1,
        by: person,
        at,
        history: earlier
          ? [
              {
                status: status(rng),
                explanation: explanation(rng).slice(0, 80),
                evidence: [],
                late: false,
                revision: 1,
                by: person,
                at: instant(rng, cycle.openedAt, at),
              },
            ]
          : [],
      };
      record.answers[q.id] = answer;
      record.started[kf.id] ??= { by: person, at };
      counts.answers++;
      counts.evidence += links.length;
      if (open) counts.openAnswers++;
    }
    if (open) counts.openQuestions += kf.questions.length;
    if (answeredAll && rng() < (open ? 0.8 : 0.92)) {
      const level = skill * 2 + (index / cycleCount) * 1.6 + rng() * 1.2 - 0.4;
      const rating: Rating = {
        rating: keyFactorRatings[Math.max(0, Math.min(3, Math.floor(level)))]!,
        limitingFactors: rng() < 0.4 ? [`CF${1 + Math.floor(rng() * 7)}`] : [],
        note: rng() < 0.4 ? 'Resurssit rajalliset; jatketaan ensi kaudella.' : '',
        by: person,
        at: instant(rng, cycle.openedAt, end),
        late: false,
        history: [],
      };
      record.ratings[kf.id] = rating;
      counts.ratings++;
    }
  }
  counts.records++;
  return record;
}

/**
 * Writes every cycle and its 250 department records, each with its summary as
 * updateRecord keeps it, so commands read the store as it is in use rather
 * than building summaries the first time; one record at a time so memory stays flat.
 */
export async function writeCycles(store: Store, all: readonly Cycle[]): Promise<Counts> {
  const rng = random(42);
  const counts: Counts = {
    records: 0,
    answers: 0,
    openAnswers: 0,
    openQuestions: 0,
    ratings: 0,
    evidence: 0,
    skips: 0,
  };
  for (const [index, cycle] of all.entries()) {
    const open = cycle.closedAt === undefined;
    // A few writes in flight at once: the adapter queues them on its one
    // connection, and the benchmark does not wait for each round trip.
    let pending: Promise<void>[] = [];
    for (let d = 0; d < cycle.departments.length; d++) {
      const record = departmentRecord(rng, cycle, index, d, open, counts);
      pending.push(
        store.set(recordKey(cycle.id, record.department), record),
        store.set(summaryKey(cycle.id, record.department), summarise(record)),
      );
      if (pending.length >= 25) {
        await Promise.all(pending);
        pending = [];
      }
    }
    await Promise.all(pending);
    await saveCycle(store, cycle);
  }
  return counts;
}

const itemTitles = [
  'Yhdenvertaisuuskoulutus esihenkilöille',
  'Anonyymi rekrytointi -kokeilu',
  'Asiakaskyselyyn kysymys koetusta syrjinnästä',
  'Tulkkauspalveluiden saatavuuden selvitys',
  'Saavutettavuusauditointi asiointipisteisiin',
  'Järjestöjen kuulemistilaisuus',
  'Syrjintätapausten kirjaamisohje',
  'Monikielinen viestintäsuunnitelma',
];
const commitments = Array.from({ length: 9 }, (_, i) => `ECCAR${pad(i + 1, 2)}`);

/**
 * Action items due across 2027 (and a few in early 2028). Most that fell due
 * are done, but about a tenth are still open, so the overdue lists are long;
 * ECCAR10 is served by none, so the framework rule flags it.
 */
export function itemDrafts(config: OrganizationConfig): Omit<ActionItem, 'id'>[] {
  const rng = random(99);
  const keyFactors = Array.from({ length: 11 }, (_, i) => `KF${pad(i + 1, 2)}`);
  return Array.from({ length: shape.items }, (_, i): Omit<ActionItem, 'id'> => {
    const department =
      rng() < 0.9 ? config.departments[Math.floor(rng() * config.departments.length)] : undefined;
    const contact = department?.contacts[0]?.slack;
    const owners = [
      contact ? `slack:${contact}` : 'slack:U0COORD1',
      ...(rng() < 0.3 ? ['slack:U0COORD1'] : []),
    ];
    const due = addDays('2027-01-01', Math.floor(rng() * 430));
    const start = addDays(due, -30 - Math.floor(rng() * 120));
    const x = rng();
    const status: ActionStatus =
      due < benchToday
        ? x < 0.8
          ? 'done'
          : x < 0.88
            ? 'cancelled'
            : x < 0.95
              ? 'in_progress'
              : 'planned'
        : x < 0.15
          ? 'done'
          : x < 0.2
            ? 'cancelled'
            : x < 0.6
              ? 'in_progress'
              : 'planned';
    const serves: Serves[] = [
      rng() < 0.6
        ? { framework: 'integrating-cities', item: pick(rng, keyFactors) }
        : rng() < 0.8
          ? { framework: 'eccar-10-point', item: pick(rng, commitments) }
          : { framework: 'hvs-7-goals', item: `HVS${1 + Math.floor(rng() * 7)}` },
      ...(rng() < 0.3
        ? [{ framework: 'eccar-10-point' as const, item: pick(rng, commitments) }]
        : []),
    ];
    const createdAt = `${start}T09:00:00.000Z`;
    const history: ItemChange[] = [];
    if (status !== 'planned')
      history.push({
        field: 'status',
        from: 'planned',
        to: 'in_progress',
        by: owners[0]!,
        at: `${addDays(start, 7)}T10:00:00.000Z`,
      });
    if (rng() < 0.3)
      history.push({
        field: 'due',
        from: addDays(due, -30),
        to: due,
        reason: 'Resurssit siirtyivät toiseen hankkeeseen.',
        by: owners[0]!,
        at: `${addDays(start, 20)}T10:00:00.000Z`,
      });
    if (status === 'done' || status === 'cancelled') {
      const closed =
        due < benchToday
          ? addDays(due, -Math.floor(rng() * 10))
          : addDays(benchToday, -Math.floor(rng() * 60));
      history.push({
        field: 'status',
        from: 'in_progress',
        to: status,
        by: owners[0]!,
        at: `${closed < benchToday ? closed : addDays(benchToday, -1)}T14:00:00.000Z`,
      });
    }
    return {
      title: `${pick(rng, itemTitles)} (${i + 1})`,
      description: explanation(rng).slice(0, 150),
      serves,
      ...(department ? { department: department.id } : {}),
      owners,
      start,
      due,
      status,
      notes:
        rng() < 0.4
          ? [
              {
                text: 'Ensimmäinen työpaja pidetty, seuraava sovittu.',
                by: owners[0]!,
                at: `${addDays(start, 14)}T12:00:00.000Z`,
              },
            ]
          : [],
      evidence:
        rng() < 0.2
          ? [
              {
                url: `https://intranet.example.fi/toimenpiteet/${i + 1}/raportti.pdf`,
                title: 'Raportti',
              },
            ]
          : [],
      created: { by: 'slack:U0COORD1', at: createdAt },
      history,
    };
  });
}

/**
 * The action plan, through the repository's own createItems: ids A1…A10000,
 * the index, the briefs, and the small records commands read (the plan
 * summary and each owner's open items).
 */
export async function writeItems(store: Store, config: OrganizationConfig): Promise<ActionItem[]> {
  return createItems(store, itemDrafts(config));
}

/** The store's namespace in the benchmark file. */
export const benchNamespace = 'bench';

export interface Populated extends Counts {
  cycles: number;
  items: number;
  seconds: number;
  /** The generating process's peak (maxRSS, MB). */
  peakMb: number;
}

/** Fills the SQLite file at `file` with the whole organisation. */
export async function populate(file: string): Promise<Populated> {
  const start = performance.now();
  const store = openStore({
    url: `sqlite://${file}`,
    dataDir: '.',
    namespace: benchNamespace,
    clock: fixedClock(new Date(benchNow)),
  });
  const { config } = organisation();
  const catalogue = loadCatalogue(createI18n(readResources(), config.organization.locale));
  const all = cycles(config, catalogue);
  const counts = await writeCycles(store, all);
  await writeItems(store, config);
  // Last week's digest numbers, so the digest computes its "since last week" line.
  await saveSnapshot(store, {
    week: isoWeek(addDays(benchToday, -7)),
    cycle: all.at(-1)!.id,
    answered: Math.round(counts.openAnswers * 0.9),
    total: counts.openQuestions,
    complete: 30,
    done: 6_000,
  });
  await store.set('report:rollup:last', lastRollupAt);
  await store.close();
  return {
    ...counts,
    cycles: all.length,
    items: shape.items,
    seconds: (performance.now() - start) / 1000,
    peakMb: process.resourceUsage().maxRSS / 1024,
  };
}
