import { cycleScores, shownScore } from '../../checkins/score.ts';
import { departmentOf, keyFactorOf } from '../../cycles/cycle.ts';
import { formatDate } from '../../i18n/format.ts';
import { markup, type Html } from './html.ts';
import { answeredOf, sum } from './progress.ts';
import type { ExportInput } from './types.ts';
import { dateTime, inLanguage, keyFactorsOf } from './words.ts';

/** The heading `${number}. ${title}` a key factor has everywhere in the report. */
export const keyFactorHeading = (input: ExportInput, keyFactorId: string): string => {
  const keyFactor = keyFactorOf(input.cycle, keyFactorId);
  return keyFactor
    ? `${keyFactor.number}. ${inLanguage(keyFactor.title, input.language)}`
    : keyFactorId;
};

/** Title page: who, which benchmark and cycle, how complete, when made. */
export function reportHeader(input: ExportInput): Html {
  const { cycle, t } = input;
  const framework = input.catalogue.framework(cycle.framework, input.language);
  const total = sum(
    cycle.departments.flatMap((d) =>
      keyFactorsOf(cycle, d).map((kf) => answeredOf(input.records.get(d.id), kf)),
    ),
  );
  const state = cycle.closedAt
    ? t('report:closed', { dateTime: dateTime(input, cycle.closedAt) })
    : t('report:open');
  const generated = t('report:generated', {
    dateTime: dateTime(input, input.generatedAt),
    timeZone: input.timeZone,
  });
  const standard =
    framework.standard &&
    markup`<p class="standard"><strong>${t('report:standard')}:</strong> ${framework.standard}</p>`;
  return markup`<header>
<h1>${input.organization}</h1>
<p class="subtitle">${framework.name} · ${t('report:cycle', { cycle: cycle.id })}</p>
<ul class="meta">
<li>${t('report:dueDate', { date: formatDate(cycle.dueDate, input.language) })}</li>
<li>${state}</li>
<li>${t('report:answeredTotal', { ...total })}</li>
<li>${t('report:score.overall', { score: scoreText(input, cycleScores(cycle, input.records).overall) })}</li>
<li>${generated}</li>
</ul>
${standard}
</header>`;
}

export function contents(input: ExportInput): Html {
  const entries = input.cycle.keyFactors.map(
    (kf) => markup`<li><a href="#${kf.id}">${keyFactorHeading(input, kf.id)}</a></li>\n`,
  );
  return markup`<nav class="contents" aria-labelledby="contents">
<h2 id="contents">${input.t('report:contents')}</h2>
<ul>
<li><a href="#summary">${input.t('report:summary.heading')}</a></li>
${entries}</ul>
</nav>`;
}

/** A score as the report shows it: a whole number, or the words for none. */
const scoreText = (input: ExportInput, score: number | undefined): string =>
  score === undefined ? input.t('report:score.none') : String(shownScore(score));

/**
 * Key factors down, departments across: each department's own rating, its
 * score from the answers beside it, and answered/total; then the key factor's
 * score across departments.
 */
export function summary(input: ExportInput): Html {
  const { cycle, language, t } = input;
  const scores = cycleScores(cycle, input.records);
  const scoreSpan = (score: number | undefined): Html =>
    markup`<span class="score">${t('report:score.cell', { score: scoreText(input, score) })}</span>`;
  const cell = (departmentId: string, keyFactorId: string): Html => {
    const department = departmentOf(cycle, departmentId);
    const keyFactor = keyFactorOf(cycle, keyFactorId);
    if (!department || !keyFactor || !department.keyFactors.includes(keyFactorId))
      return markup`<td class="muted">–</td>`;
    const record = input.records.get(departmentId);
    if (record?.skips[keyFactorId]) return markup`<td>${t('report:summary.skipped')}</td>`;
    const rating = record?.ratings[keyFactorId];
    const word = rating
      ? t(`common:ratings.${rating.rating}`)
      : markup`<span class="muted">${t('report:summary.notRated')}</span>`;
    const count = t('report:summary.answered', { ...answeredOf(record, keyFactor) });
    const score = scoreSpan(scores.cells.get(departmentId)?.get(keyFactorId));
    return markup`<td>${word}<span class="count">${count}</span>${score}</td>`;
  };
  const head = cycle.departments.map(
    (d) => markup`<th scope="col">${inLanguage(d.name, language)}</th>`,
  );
  const rows = cycle.keyFactors.map(
    (kf) =>
      markup`<tr><th class="kf" scope="row"><a href="#${kf.id}">${keyFactorHeading(input, kf.id)}</a></th>${cycle.departments.map((d) => cell(d.id, kf.id))}<td>${scoreText(input, scores.keyFactors.get(kf.id))}</td></tr>\n`,
  );
  const totals = cycle.departments.map((d) => {
    const total = sum(keyFactorsOf(cycle, d).map((kf) => answeredOf(input.records.get(d.id), kf)));
    return markup`<td>${t('report:summary.answered', { ...total })}${scoreSpan(scores.departments.get(d.id))}</td>`;
  });
  return markup`<section class="summary" aria-labelledby="summary">
<h2 id="summary">${t('report:summary.heading')}</h2>
<p>${t('report:summary.intro')}</p>
<div class="table-wrap"><table>
<thead><tr><th class="kf" scope="col">${t('report:summary.keyFactor')}</th>${head}<th scope="col">${t('report:score.allDepartments')}</th></tr></thead>
<tbody>
${rows}</tbody>
<tfoot><tr><th class="kf" scope="row">${t('report:summary.total')}</th>${totals}<td>${scoreText(input, scores.overall)}</td></tr></tfoot>
</table></div>
<p class="muted">${t('report:summary.legend')}</p>
<p class="muted">${t('report:score.weights')}</p>
</section>`;
}
