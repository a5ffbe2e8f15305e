import { actionHistoryCsv, actionsCsv } from './actions-csv.ts';
import { answersCsv, ratingsCsv } from './answers-csv.ts';
import { csvMediaType } from './csv.ts';
import { reportHtml } from './report.ts';
import type { ExportFile, ExportInput } from './types.ts';
import { fileName } from './words.ts';

export type { ExportFile, ExportInput } from './types.ts';

/**
 * What a self-assessment or a peer review starts from: the cycle's answers and
 * ratings and the action plan as CSV for spreadsheets, and one printable
 * report. Names carry the cycle id so exports of several cycles can sit side by side.
 */
export function exportFiles(input: ExportInput): ExportFile[] {
  const csv = (what: string, content: string): ExportFile => ({
    name: fileName(input.cycle, `${what}.csv`),
    mediaType: csvMediaType,
    content,
  });
  return [
    csv('answers', answersCsv(input)),
    csv('ratings', ratingsCsv(input)),
    csv('actions', actionsCsv(input)),
    csv('action-history', actionHistoryCsv(input)),
    {
      name: fileName(input.cycle, 'report.html'),
      mediaType: 'text/html; charset=utf-8',
      content: reportHtml(input),
    },
  ];
}
