import { isCalendarDate } from '../shared/dates.ts';
import type { Evidence } from './answer.ts';
import { limits } from './limits.ts';

/** One thing wrong with what a person typed: which field, and a message key with its values. */
export interface InputProblem {
  field: string;
  key: string;
  params: Record<string, string | number>;
}

/**
 * Checks an evidence link: http(s) only, at most 2,000 characters, and no
 * credentials (a link with user:password@ would leak them to everyone who
 * reads the report). Returns the problem's message key, or undefined.
 */
export function evidenceLinkProblem(url: string): string | undefined {
  if (url.length > limits.evidenceUrl) return 'evidenceTooLong';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'evidenceNotUrl';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'evidenceNotHttp';
  if (parsed.username !== '' || parsed.password !== '') return 'evidenceCredentials';
  if (parsed.hostname === '') return 'evidenceNotUrl';
  return undefined;
}

export interface CheckedEvidence {
  accepted: Evidence[];
  problems: InputProblem[];
}

/** Keeps the good links and explains each refused one; a problem's field is `evidence.<row>`. */
export function checkEvidence(field: string, links: readonly Evidence[]): CheckedEvidence {
  const accepted: Evidence[] = [];
  const problems: InputProblem[] = [];
  links.forEach((link, index) => {
    const url = link.url.trim();
    if (url === '') return;
    const title = link.title?.trim();
    const problem = evidenceLinkProblem(url);
    const shown = url.length > 80 ? `${url.slice(0, 77)}…` : url;
    const row = `${field}.${index}`;
    if (problem) {
      problems.push({
        field: row,
        key: problem,
        params: { url: shown, number: index + 1, max: limits.evidenceUrl },
      });
    } else if (title !== undefined && title.length > limits.evidenceTitle) {
      problems.push({
        field: row,
        key: 'evidenceTitleTooLong',
        params: { number: index + 1, max: limits.evidenceTitle },
      });
      accepted.push({ url });
    } else if (accepted.length >= limits.evidenceLinks) {
      problems.push({ field: row, key: 'evidenceTooMany', params: { max: limits.evidenceLinks } });
    } else {
      const validFrom = link.validFrom?.trim();
      const dated = validFrom !== undefined && validFrom !== '';
      // A date that is not one is refused; the link is kept without it.
      if (dated && !isCalendarDate(validFrom))
        problems.push({ field: row, key: 'evidenceDate', params: { number: index + 1 } });
      accepted.push({
        url,
        ...(title ? { title } : {}),
        ...(dated && isCalendarDate(validFrom) ? { validFrom } : {}),
      });
    }
  });
  return { accepted, problems };
}

/** Checks a text's length; a text over the limit is kept whole for the person to shorten. */
export function textProblem(field: string, text: string, max: number): InputProblem | undefined {
  return text.length > max
    ? { field, key: 'textTooLong', params: { length: text.length, max } }
    : undefined;
}
