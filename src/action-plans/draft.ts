import { frameworkDefinitions } from '../catalogue/definitions.ts';
import type { PersonRef } from '../chat/address.ts';
import type { InputProblem } from '../checkins/validate.ts';
import type { OrganizationConfig } from '../config/schema.ts';
import { parseDate } from '../shared/dates.ts';
import type { Directory } from '../people/directory.ts';
import { frameworkOf, isActionStatus, isHorizon, type ActionItem, type Serves } from './item.ts';

/**
 * An action item's owners answer for it, and each is told and reminded: a few
 * people, not a mailing list. Ten covers a joint measure of several
 * departments and keeps one form from messaging dozens of people.
 */
export const maxOwners = 10;

/** What a form or an import row says about an item, before it is checked. */
export interface ItemInput {
  title?: string;
  description?: string;
  /** Framework item ids: KF01, ECCAR03, HVS2, or a guiding question: KF06.Q2. */
  serves?: string[];
  department?: string;
  /** quick_win or long_term (spaces, dashes and case as people write them). */
  horizon?: string;
  means?: string;
  resources?: string;
  partners?: string[];
  /** Person keys (`slack:U…`), or ids as the platform gives them. */
  owners?: string[];
  start?: string;
  due?: string;
  status?: string;
}

/** What a person fills in for an action item, in form and file order. */
export const itemFieldNames = [
  'title',
  'description',
  'serves',
  'department',
  'horizon',
  'means',
  'resources',
  'partners',
  'owners',
  'start',
  'due',
] as const;

export type ItemFields = Pick<ActionItem, (typeof itemFieldNames)[number] | 'status'>;

export const itemLimits = {
  title: 200,
  description: 3000,
  means: 2000,
  resources: 2000,
  partner: 200,
  /** Partners of one measure: a handful of organisations, not a directory. */
  partners: 20,
} as const;

/** Reads an owner as written: `slack:U…`, `teams:…`, a Slack id, or a Teams id / e-mail. */
export function ownerKey(
  directory: Directory,
  written: string,
  platform?: PersonRef['platform'],
): string | undefined {
  const value = written.trim().replace(/^@/, '');
  if (value === '') return undefined;
  const prefixed = /^(slack|teams):(.+)$/.exec(value);
  if (prefixed)
    return directory.canonicalKey({
      platform: prefixed[1] as PersonRef['platform'],
      id: prefixed[2] ?? '',
    });
  if (platform) return directory.canonicalKey({ platform, id: value });
  if (/^[UW][A-Z0-9]{2,}$/.test(value))
    return directory.canonicalKey({ platform: 'slack', id: value });
  if (/^29:|@|^[0-9a-f-]{36}$/i.test(value))
    return directory.canonicalKey({ platform: 'teams', id: value });
  return undefined;
}

/** Reads a date field as people type it; an empty one is a problem only when required. */
export function readDate(
  field: 'start' | 'due',
  text: string | undefined,
  today: string,
  required: boolean,
  problems: InputProblem[],
): string | undefined {
  const value = text?.trim() ?? '';
  if (value === '') {
    if (required) problems.push({ field, key: 'dueRequired', params: {} });
    return undefined;
  }
  const parsed = parseDate(value, today);
  if (!parsed) problems.push({ field, key: 'badDate', params: { value } });
  return parsed;
}

/**
 * Checks an item's fields; every problem is listed, and the fields come back
 * only when there is none.
 */
export function checkItem(
  input: ItemInput,
  context: {
    config: OrganizationConfig;
    directory: Directory;
    today: string;
    platform?: PersonRef['platform'];
    isNew: boolean;
  },
): { fields?: ItemFields; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const title = input.title?.trim() ?? '';
  if (title === '') problems.push({ field: 'title', key: 'titleRequired', params: {} });
  else if (title.length > itemLimits.title)
    problems.push({
      field: 'title',
      key: 'textTooLong',
      params: { length: title.length, max: itemLimits.title },
    });
  const description = input.description?.trim() ?? '';
  if (description.length > itemLimits.description) {
    problems.push({
      field: 'description',
      key: 'textTooLong',
      params: { length: description.length, max: itemLimits.description },
    });
  }

  const serves: Serves[] = [];
  for (const id of (input.serves ?? []).map((s) => s.trim().toUpperCase()).filter(Boolean)) {
    const served = servesOf(id);
    if (!served) {
      problems.push({ field: 'serves', key: 'unknownFrameworkItem', params: { value: id } });
    } else if (!context.config.frameworks.includes(served.framework)) {
      problems.push({
        field: 'serves',
        key: 'frameworkNotUsed',
        params: { value: id, framework: served.framework },
      });
    } else if (!serves.some((s) => (s.question ?? s.item) === id)) {
      serves.push(served);
    }
  }
  if (serves.length === 0 && !problems.some((p) => p.field === 'serves')) {
    problems.push({ field: 'serves', key: 'servesRequired', params: {} });
  }

  const plan = checkPlanFields(input, problems);

  const department = input.department?.trim() || undefined;
  if (department && !context.config.departments.some((d) => d.id === department)) {
    problems.push({ field: 'department', key: 'unknownDepartment', params: { value: department } });
  }

  const owners: string[] = [];
  for (const written of input.owners ?? []) {
    if (written.trim() === '') continue;
    const key = ownerKey(context.directory, written, context.platform);
    if (!key) problems.push({ field: 'owners', key: 'badOwner', params: { value: written } });
    else if (!owners.includes(key)) owners.push(key);
  }
  if (owners.length === 0 && !problems.some((p) => p.field === 'owners')) {
    problems.push({ field: 'owners', key: 'ownersRequired', params: {} });
  }
  if (owners.length > maxOwners)
    problems.push({ field: 'owners', key: 'tooManyOwners', params: { max: String(maxOwners) } });

  const date = (field: 'start' | 'due', text: string | undefined, required: boolean) =>
    readDate(field, text, context.today, required, problems);
  const start = date('start', input.start, false);
  const due = date('due', input.due, true);
  if (start && due && due < start)
    problems.push({ field: 'due', key: 'dueBeforeStart', params: { start, due } });

  const status = input.status?.trim().toLowerCase().replace(/\s+/g, '_') || 'planned';
  if (!isActionStatus(status))
    problems.push({ field: 'status', key: 'badStatus', params: { value: input.status ?? '' } });

  if (problems.length > 0 || !due || !isActionStatus(status)) return { problems };
  return {
    problems,
    fields: {
      title,
      description,
      serves,
      owners,
      due,
      status,
      ...(department ? { department } : {}),
      ...(start ? { start } : {}),
      ...plan,
    },
  };
}

/** A framework item, or a guiding question of a key factor, by its id as the catalogue has it. */
export function servesOf(id: string): Serves | undefined {
  const question = /^(KF\d{2})\.Q(\d+)$/.exec(id);
  const item = question?.[1] ?? id;
  const framework = frameworkOf(item);
  const definition = framework
    ? frameworkDefinitions[framework].items.find((i) => i.id === item)
    : undefined;
  if (!framework || !definition) return undefined;
  if (!question) return { framework, item };
  const number = Number(question[2]);
  return number >= 1 && number <= definition.questions
    ? { framework, item, question: id }
    : undefined;
}

/** The words "quick win", "long-term" and the like, as the horizon's code. */
const horizonCode = (written: string): string =>
  written
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** The plan's own fields (horizon, means, resources, partners): all optional, each checked. */
function checkPlanFields(
  input: ItemInput,
  problems: InputProblem[],
): Pick<ActionItem, 'horizon' | 'means' | 'resources' | 'partners'> {
  const fields: Pick<ActionItem, 'horizon' | 'means' | 'resources' | 'partners'> = {};
  const horizon = horizonCode(input.horizon ?? '');
  if (isHorizon(horizon)) fields.horizon = horizon;
  else if (horizon !== '')
    problems.push({ field: 'horizon', key: 'badHorizon', params: { value: input.horizon ?? '' } });
  for (const field of ['means', 'resources'] as const) {
    const text = input[field]?.trim() ?? '';
    if (text.length > itemLimits[field])
      problems.push({
        field,
        key: 'textTooLong',
        params: { length: text.length, max: itemLimits[field] },
      });
    else if (text !== '') fields[field] = text;
  }
  const partners = [...new Set((input.partners ?? []).map((p) => p.trim()).filter(Boolean))];
  const long = partners.find((p) => p.length > itemLimits.partner);
  if (long)
    problems.push({
      field: 'partners',
      key: 'textTooLong',
      params: { length: long.length, max: itemLimits.partner },
    });
  else if (partners.length > itemLimits.partners)
    problems.push({
      field: 'partners',
      key: 'tooManyPartners',
      params: { max: String(itemLimits.partners) },
    });
  else if (partners.length > 0) fields.partners = partners;
  return fields;
}
