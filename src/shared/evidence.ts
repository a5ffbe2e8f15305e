import type { Evidence } from './benchmark.ts';

/**
 * The date evidence speaks for: the document's own date when the contact gave
 * one, else when the link was added, else when the answer it belongs to was given.
 */
export const evidenceDate = (evidence: Evidence, answeredAt: string): string =>
  evidence.validFrom ?? evidence.addedAt ?? answeredAt;

/** Whether evidence is older than `months` months on `today` (YYYY-MM-DD): possibly out of date. */
export function isStale(
  evidence: Evidence,
  answeredAt: string,
  today: string,
  months: number,
): boolean {
  const date = evidenceDate(evidence, answeredAt).slice(0, 10);
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(
    Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0),
  ).getUTCDate();
  shifted.setUTCDate(Math.min(day, lastDay));
  return date < shifted.toISOString().slice(0, 10);
}

/**
 * Dates the links of a saved answer: a link given before (same URL) keeps its
 * dates, a new one is dated now. So confirming or editing never makes an old
 * document look new.
 */
export function dateEvidence(
  links: readonly Evidence[],
  earlier: readonly Evidence[],
  now: string,
): Evidence[] {
  const known = new Map(earlier.map((e) => [e.url, e]));
  return links.map((link) => {
    const before = known.get(link.url);
    return {
      ...link,
      addedAt: before?.addedAt ?? now,
      ...(before?.validFrom !== undefined && link.validFrom === undefined
        ? { validFrom: before.validFrom }
        : {}),
    };
  });
}
