import { trusted } from './html.ts';

/**
 * The report's only style sheet, inline so the file stands alone (mailed,
 * archived, opened offline). System fonts only: nothing is fetched. Printing
 * starts each key factor on a new page, as the toolkit's chapters do.
 */
export const reportStyle = trusted(`
:root {
  --ink: #1d232b; --muted: #5b6572; --line: #d4d9e0; --soft: #f3f5f8; --accent: #1f4e8c;
  --yes: #1d7a3e; --partly: #9a6a00; --no: #b3261e; --unknown: #5b6572;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0 auto; padding: 2rem 1.5rem 4rem; max-width: 58rem;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif;
  color: var(--ink); background: #fff;
}
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .25rem; }
h2 { font-size: 1.45rem; line-height: 1.25; margin: 2.5rem 0 .75rem; color: var(--accent);
  border-bottom: 2px solid var(--accent); padding-bottom: .25rem; }
h3 { font-size: .95rem; margin: 1rem 0 .35rem; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
h4 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
p { margin: .4rem 0; }
a { color: var(--accent); }
.subtitle { font-size: 1.15rem; color: var(--muted); margin: 0 0 1rem; }
.meta { margin: 0 0 1rem; padding: 0; list-style: none; color: var(--muted); }
.standard, .statement { border-left: 4px solid var(--accent); background: var(--soft); padding: .6rem .9rem; margin: .75rem 0; }
.statement { font-weight: 600; }
.muted, .host, .who { color: var(--muted); }
.who { font-size: .85rem; }
nav.contents ul { columns: 2; column-gap: 2rem; padding: 0; list-style: none; }
nav.contents li { break-inside: avoid; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
.summary td { text-align: center; }
.summary td.kf, .summary th.kf { text-align: left; }
.count, .score { display: block; color: var(--muted); font-size: .8rem; }
.table-wrap { overflow-x: auto; }
.questions li { margin: .2rem 0; white-space: pre-line; }
.department { border: 1px solid var(--line); border-radius: 6px; padding: .25rem 1rem .75rem; margin: 1rem 0; }
.department > h4 { margin-top: .6rem; }
.answers { list-style: none; padding: 0; margin: .5rem 0; }
.answer { border-top: 1px solid var(--line); padding: .5rem 0; break-inside: avoid; }
.answer .q { font-size: .85rem; color: var(--muted); white-space: pre-line; }
.explanation { white-space: pre-line; margin: .25rem 0; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 3px; font-size: .8rem; font-weight: 600;
  color: #fff; background: var(--unknown); print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.badge.yes { background: var(--yes); } .badge.partly { background: var(--partly); } .badge.no { background: var(--no); }
.badge.open { background: transparent; color: var(--muted); border: 1px dashed var(--line); }
.late { color: var(--no); font-weight: 600; }
.confirmed, .stale { color: var(--muted); font-size: .9rem; }
.review { font-size: .8rem; font-weight: 600; border: 1px solid currentColor; border-radius: 3px; padding: 0 .35rem; }
.review.accepted { color: var(--yes); } .review.changes_requested { color: var(--partly); }
.evidence { margin: .25rem 0 0; padding-left: 1.2rem; font-size: .9rem; }
.evidence a { word-break: break-word; }
.rating { background: var(--soft); border-radius: 4px; padding: .5rem .75rem; margin: .5rem 0; }
.skip { background: #fff7e6; border-left: 4px solid var(--partly); padding: .5rem .75rem; margin: .5rem 0; }
.note { white-space: pre-line; }
.examples dt { font-weight: 600; }
.examples dd { margin: 0 0 .6rem 0; }
footer { margin-top: 3rem; color: var(--muted); font-size: .8rem; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; }
  .evidence a::after { content: " <" attr(href) ">"; color: var(--muted); font-size: 8.5pt; word-break: break-all; }
  section.key-factor { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  .rating, .skip, tr, .examples dd { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  thead { display: table-header-group; }
}
`);
