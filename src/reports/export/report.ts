import { markup } from './html.ts';
import { keyFactorSection } from './report-key-factor.ts';
import { reportStyle } from './report-style.ts';
import { contents, reportHeader, summary } from './report-summary.ts';
import type { ExportInput } from './types.ts';

/**
 * No script, no fetched resource: the policy makes browsers refuse any that
 * slipped in, so the file is safe to open from a mail or an archive.
 */
const policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * The whole report as one self-contained, printable HTML document, made a
 * piece at a time: a large organisation's report runs to megabytes, and only
 * the piece at hand is held in memory.
 */
export function* reportHtml(input: ExportInput): Generator<string> {
  const { cycle, t } = input;
  const title = t('report:title', { organization: input.organization, cycle: cycle.id });
  yield markup`<!doctype html>
<html lang="${input.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Tasa">
<title>${title}</title>
<style>${reportStyle}</style>
</head>
<body>
${reportHeader(input)}
${contents(input)}
<main>
${summary(input)}
`.toString();
  for (const kf of cycle.keyFactors) yield* keyFactorSection(input, kf);
  yield markup`
</main>
<footer>${t('report:footer')}</footer>
</body>
</html>
`.toString();
}
