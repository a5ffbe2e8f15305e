import { servedId, type ActionItem } from '../../action-plans/item.ts';
import { csvLines } from './csv.ts';
import type { ExportInput } from './types.ts';
import { departmentName, evidenceText } from './words.ts';

/* English column ids, localised cells, ISO dates: see answers-csv.ts. */

export const actionColumns = [
  'id',
  'title',
  'description',
  'serves',
  'department_id',
  'department',
  'horizon_code',
  'horizon',
  'means',
  'resources',
  'partners',
  'owners',
  'owner_ids',
  'start',
  'due',
  'status_code',
  'status',
  'evidence',
  'last_note',
  'last_note_by',
  'last_note_by_id',
  'last_note_at',
  'created_by',
  'created_by_id',
  'created_at',
] as const;

const lastNote = (item: ActionItem) =>
  item.notes.reduce<ActionItem['notes'][number] | undefined>(
    (last, note) => (!last || note.at >= last.at ? note : last),
    undefined,
  );

/** One row per action item, as it stands now; `serves` names a guiding question (KF06.Q2) where the item serves one. */
export function actionsCsv(input: ExportInput): Iterable<string> {
  return csvLines(actionColumns, actionRows(input));
}

function* actionRows(
  input: ExportInput,
): Generator<Record<(typeof actionColumns)[number], string>> {
  for (const item of input.items) {
    const note = lastNote(item);
    yield {
      id: item.id,
      title: item.title,
      description: item.description,
      serves: item.serves.map(servedId).join(' | '),
      department_id: item.department ?? '',
      department: departmentName(input, item.department),
      horizon_code: item.horizon ?? '',
      horizon: item.horizon ? input.t(`actions:horizon.${item.horizon}`) : '',
      means: item.means ?? '',
      resources: item.resources ?? '',
      partners: (item.partners ?? []).join(' | '),
      owners: item.owners.map((owner) => input.nameOf(owner)).join(' | '),
      owner_ids: item.owners.join(' | '),
      start: item.start ?? '',
      due: item.due,
      status_code: item.status,
      status: input.t(`actions:status.${item.status}`),
      evidence: evidenceText(item.evidence),
      last_note: note?.text ?? '',
      last_note_by: note ? input.nameOf(note.by) : '',
      last_note_by_id: note?.by ?? '',
      last_note_at: note?.at ?? '',
      created_by: input.nameOf(item.created.by),
      created_by_id: item.created.by,
      created_at: item.created.at,
    };
  }
}

export const historyColumns = [
  'item_id',
  'at',
  'by',
  'by_id',
  'kind',
  'field',
  'from',
  'to',
  'reason',
  'note',
] as const;

type HistoryRow = Record<(typeof historyColumns)[number], string>;

/**
 * Every event of every item: its creation, each field change (from/to as
 * stored: codes, ids, ISO dates) and each progress note; per item oldest first.
 */
export function actionHistoryCsv(input: ExportInput): Iterable<string> {
  return csvLines(historyColumns, historyRows(input));
}

function* historyRows(input: ExportInput): Generator<HistoryRow> {
  for (const item of input.items) {
    const blank = { item_id: item.id, field: '', from: '', to: '', reason: '', note: '' };
    const events: HistoryRow[] = [
      {
        ...blank,
        at: item.created.at,
        by: input.nameOf(item.created.by),
        by_id: item.created.by,
        kind: 'created',
      },
      ...item.history.map((change) => ({
        ...blank,
        at: change.at,
        by: input.nameOf(change.by),
        by_id: change.by,
        kind: 'change',
        field: change.field,
        from: change.from,
        to: change.to,
        reason: change.reason ?? '',
      })),
      ...item.notes.map((note) => ({
        ...blank,
        at: note.at,
        by: input.nameOf(note.by),
        by_id: note.by,
        kind: 'note',
        note: note.text,
      })),
    ];
    // Stable sort: at the same instant, creation, then changes, then notes.
    yield* events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }
}
