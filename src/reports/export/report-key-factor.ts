import type { ActionItem } from '../../action-plans/item.ts';
import type { Answer } from '../../checkins/answer.ts';
import { keyFactorScore, shownScore } from '../../checkins/score.ts';
import type { FrozenDepartment, FrozenKeyFactor, FrozenQuestion } from '../../cycles/cycle.ts';
import { formatDate } from '../../i18n/format.ts';
import { evidenceLink, markup, type Html } from './html.ts';
import { staleEvidence } from './words.ts';
import { keyFactorHeading } from './report-summary.ts';
import { peerReviewSection, reviewMark } from './report-review.ts';
import type { ExportInput } from './types.ts';
import { contextualFactorTitle, dateTime, departmentName, inLanguage } from './words.ts';

/*
 * Elements styled `white-space: pre-line` (questions, explanations, notes)
 * keep the line breaks people typed, so their markup has no extra whitespace.
 */

/** "Name, 31 March 2027, 14:05" and, when so, "after the due date". */
function stamp(input: ExportInput, by: string, at: string, late = false): Html {
  const who = input.t('report:by', { name: input.nameOf(by), dateTime: dateTime(input, at) });
  const lateMark = late && markup` · <span class="late">${input.t('report:late')}</span>`;
  return markup`<p class="who">${who}${lateMark}</p>`;
}

const evidenceList = (
  input: ExportInput,
  evidence: Answer['evidence'],
  answeredAt?: string,
): Html | false =>
  evidence.length > 0 &&
  markup`<ul class="evidence" aria-label="${input.t('report:evidence')}">${evidence.map(
    (e) =>
      markup`<li>${evidenceLink(e)}${
        answeredAt !== undefined &&
        staleEvidence(input, e, answeredAt) &&
        markup` <span class="stale">(${input.t('report:possiblyOutOfDate')})</span>`
      }</li>`,
  )}</ul>`;

function answerItem(input: ExportInput, question: FrozenQuestion, answer?: Answer): Html {
  const { t } = input;
  const text = inLanguage(question.text, input.language);
  const head = markup`<span class="q">${t('report:question', { number: question.number })} · ${text}</span><br>`;
  if (!answer)
    return markup`<li class="answer">${head}<span class="badge open">${t('report:notAnswered')}</span></li>\n`;
  const status = markup`<span class="badge ${answer.status}">${t(`common:answerStatus.${answer.status}`)}</span>`;
  const revision =
    answer.revision > 1 &&
    markup` <span class="who">${t('report:revision', { number: answer.revision })}</span>`;
  const confirmed =
    answer.confirmedFrom !== undefined &&
    markup` <span class="confirmed">${t('report:confirmed', { since: answer.confirmedFrom })}</span>`;
  const explanation = answer.explanation.trim();
  return markup`<li class="answer">${head}${status}${reviewMark(input, answer)}${revision}${confirmed}
${explanation && markup`<p class="explanation">${explanation}</p>`}
${evidenceList(input, answer.evidence, answer.at)}
${stamp(input, answer.by, answer.at, answer.late)}</li>\n`;
}

function ratingBox(input: ExportInput, department: FrozenDepartment, kf: FrozenKeyFactor): Html {
  const { t } = input;
  const record = input.records.get(department.id);
  const rating = record?.ratings[kf.id];
  const label = markup`<strong>${t('report:rating')}:</strong>`;
  // The score from the answers beside the department's own rating: a gap between them is news.
  const score = keyFactorScore(kf.questions, record?.answers ?? {});
  const scoreLine = markup`<p class="score-line"><strong>${t('report:score.label')}:</strong> ${score === undefined ? t('report:score.none') : String(shownScore(score))}</p>`;
  if (!rating)
    return markup`<div class="rating">${label} <span class="muted">${t('report:notRated')}</span>${scoreLine}</div>`;
  const factors = rating.limitingFactors.map((id) => contextualFactorTitle(input, id)).join(', ');
  const note = rating.note.trim();
  return markup`<div class="rating">${label} ${t(`common:ratings.${rating.rating}`)}
${scoreLine}
${factors && markup`<p><strong>${t('report:limitingFactors')}:</strong> ${factors}</p>`}
${note && markup`<p class="note"><strong>${t('report:note')}:</strong> ${note}</p>`}
${stamp(input, rating.by, rating.at, rating.late)}</div>`;
}

function departmentBlock(
  input: ExportInput,
  department: FrozenDepartment,
  kf: FrozenKeyFactor,
): Html {
  const record = input.records.get(department.id);
  const skip = record?.skips[kf.id];
  // A skipped key factor lists only what was answered before the skip.
  const questions = skip
    ? kf.questions.filter((q) => record?.answers[q.id] !== undefined)
    : kf.questions;
  const skipBox =
    skip &&
    markup`<div class="skip"><strong>${input.t('report:skipped')}:</strong> <span class="note">${skip.reason}</span>${stamp(input, skip.by, skip.at)}</div>`;
  const answers =
    questions.length > 0 &&
    markup`<ol class="answers">${questions.map((q) => answerItem(input, q, record?.answers[q.id]))}</ol>`;
  return markup`<div class="department">
<h4>${inLanguage(department.name, input.language)}</h4>
${skipBox}
${answers}
${!skip && ratingBox(input, department, kf)}
</div>\n`;
}

/** What the city adopts for a measure, with what and with whom: ECCAR asks for all three. */
function planDetails(input: ExportInput, item: ActionItem): Html | false {
  const { t } = input;
  const parts = [
    item.horizon && markup`<li>${t(`actions:horizon.${item.horizon}`)}</li>`,
    item.means && markup`<li><strong>${t('report:actions.means')}:</strong> ${item.means}</li>`,
    item.resources &&
      markup`<li><strong>${t('report:actions.resources')}:</strong> ${item.resources}</li>`,
    item.partners?.length &&
      markup`<li><strong>${t('report:actions.partners')}:</strong> ${item.partners.join(', ')}</li>`,
  ].filter((part): part is Html => Boolean(part));
  return parts.length > 0 && markup`<ul class="plan">${parts}</ul>`;
}

function* actionTable(input: ExportInput, items: readonly ActionItem[]): Generator<string> {
  const { t } = input;
  if (items.length === 0) {
    yield markup`<p class="muted">${t('report:actions.none')}</p>`.toString();
    return;
  }
  const columns = ['item', 'department', 'owners', 'due', 'status'] as const;
  yield markup`<div class="table-wrap"><table class="actions">
<thead><tr>${columns.map((c) => markup`<th scope="col">${t(`report:actions.${c}`)}</th>`)}</tr></thead>
<tbody>
`.toString();
  for (const item of items)
    yield markup`<tr><td><strong>${item.id}</strong> ${item.title}${planDetails(input, item)}${evidenceList(input, item.evidence)}</td><td>${departmentName(input, item.department)}</td><td>${item.owners.map((o) => input.nameOf(o)).join(', ')}</td><td>${formatDate(item.due, input.language)}</td><td>${t(`actions:status.${item.status}`)}</td></tr>\n`.toString();
  yield `</tbody>
</table></div>`;
}

/**
 * One chapter of the toolkit: statement, why, guiding questions, answers,
 * actions, examples; a department block or an action row at a time.
 */
export function* keyFactorSection(input: ExportInput, kf: FrozenKeyFactor): Generator<string> {
  const { cycle, language, t } = input;
  const item = input.catalogue
    .framework(cycle.framework, language)
    .items.find((i) => i.id === kf.id);
  const departments = cycle.departments.filter((d) => d.keyFactors.includes(kf.id));
  const reasoning =
    item?.reasoning && markup`<h3>${t('report:reasoning')}</h3>\n<p>${item.reasoning}</p>`;
  yield markup`<section class="key-factor" aria-labelledby="${kf.id}">
<h2 id="${kf.id}">${keyFactorHeading(input, kf.id)}</h2>
<p class="statement">${inLanguage(kf.statement, language)}</p>
${reasoning}
<h3>${t('report:guidingQuestions')}</h3>
<ol class="questions">${kf.questions.map((q) => markup`<li>${inLanguage(q.text, language)}</li>`)}</ol>
<h3>${t('report:answers')}</h3>
`.toString();
  if (departments.length === 0)
    yield markup`<p class="muted">${t('report:noDepartments')}</p>`.toString();
  for (const department of departments) yield departmentBlock(input, department, kf).toString();
  yield markup`${peerReviewSection(input, kf, departments)}`.toString();
  yield markup`
<h3>${t('report:actions.heading')}</h3>
`.toString();
  yield* actionTable(
    input,
    input.items.filter((a) =>
      a.serves.some((s) => s.framework === cycle.framework && s.item === kf.id),
    ),
  );
  const examples =
    item &&
    item.examples.length > 0 &&
    markup`<h3>${t('report:examples')}</h3>
<dl class="examples">${item.examples.map((e) => markup`<dt>${e.city}</dt><dd>${e.gist}</dd>`)}</dl>`;
  yield markup`
${examples}
</section>\n`.toString();
}
