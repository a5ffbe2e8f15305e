/**
 * `npm run bench`, Teams part: a check-in fan-out of 1,000 proactive
 * messages to people without a stored personal chat, and 1,000 to people
 * with one, against a fake Bot Connector enforcing Teams' documented limits
 * (teams-fanout.ts, limited-teams.ts). Prints a Markdown table; a missed
 * target is printed as FAIL, the exit code stays 0.
 */
import { cpus } from 'node:os';
import { thousands, type Row } from './measure.ts';
import { teamsFanOutBench } from './teams-fanout.ts';

const people = 1_000;
const target = 1.1;
const log = (line: string): void => void process.stderr.write(`${line}\n`);

const rows: Row[] = [];
for (const stored of [false, true]) {
  const result = await teamsFanOutBench({ people, stored, capMs: 120_000, log });
  const ratio = result.seconds / result.lowerBoundSeconds;
  const refused = result.refused.conversation + result.refused.tenant;
  const shape = stored ? 'with a stored personal chat' : 'without a stored personal chat';
  rows.push(
    {
      measure: `Teams fan-out, ${thousands(people)} people ${shape}: time ÷ lower bound`,
      value: result.capped ? 'stopped' : `${ratio.toFixed(3)}×`,
      spread: `${result.seconds.toFixed(1)} s vs ${result.lowerBoundSeconds} s for ${thousands(result.calls)} calls at ${result.perSecond}/s (${thousands(result.created)} chats opened); first message after ${result.firstMessageSeconds.toFixed(2)} s; ${refused} × 429`,
      target: `≤ ${target}×`,
      pass: !result.capped && ratio <= target,
    },
    {
      measure: `Teams fan-out ${shape}: lost / duplicate messages`,
      value: `${result.lost} / ${result.duplicates}`,
      spread:
        result.pending > 0
          ? `${thousands(result.pending)} still pending when stopped`
          : `all ${thousands(result.delivered)} accepted once each`,
      target: '0 / 0',
      pass: result.lost === 0 && result.duplicates === 0 && result.pending === 0,
    },
  );
}

const header = ['measure', 'value', 'details', 'target', 'result'];
const cells = rows.map((r) => [
  r.measure,
  r.value,
  r.spread ?? '',
  r.target ?? '—',
  r.pass === undefined ? '' : r.pass ? 'pass' : '**FAIL**',
]);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
const line = (c: readonly string[]): string =>
  `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
process.stdout.write(
  [
    '## Tasa benchmark: Teams fan-out against Teams’ limits',
    '',
    `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}.`,
    '',
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.map(line),
    '',
  ].join('\n'),
);
