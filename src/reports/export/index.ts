import { actionHistoryCsv, actionsCsv } from './actions-csv.ts';
import { answersCsv, ratingsCsv } from './answers-csv.ts';
import { csvMediaType } from './csv.ts';
import { reportHtml } from './report.ts';
import type { ExportFile, ExportInput } from './types.ts';
import { fileName } from './words.ts';

export type { BuiltFile, ExportFile, ExportInput } from './types.ts';
export { fileBytes, fileText, writeFiles } from './output.ts';

/**
 * What a self-assessment or a peer review starts from: the cycle's answers and
 * ratings and the action plan as CSV for spreadsheets, and one printable
 * report. Names carry the cycle id so exports of several cycles can sit side by side.
 * Nothing is built here: each file is made as it is read (see output.ts).
 */
export function exportFiles(input: ExportInput): ExportFile[] {
  const csv = (what: string, chunks: (input: ExportInput) => Iterable<string>): ExportFile => ({
    name: fileName(input.cycle, `${what}.csv`),
    mediaType: csvMediaType,
    chunks: () => chunks(input),
  });
  return [
    csv('answers', answersCsv),
    csv('ratings', ratingsCsv),
    csv('actions', actionsCsv),
    csv('action-history', actionHistoryCsv),
    {
      name: fileName(input.cycle, 'report.html'),
      mediaType: 'text/html; charset=utf-8',
      chunks: () => reportHtml(input),
    },
  ];
}
