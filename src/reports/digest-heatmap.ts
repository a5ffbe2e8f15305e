import type { PlanReader } from '../action-plans/reader.ts';
import type { Block } from '../chat/views.ts';
import { shownScore } from '../checkins/score.ts';
import type { HeatmapBasis } from '../config/schema.ts';
import type { DigestData } from './digest.ts';
import type { HeatmapCell } from './heatmap-cells.ts';
import { renderHeatmapPng } from './heatmap.ts';

/**
 * Scores drawn on the ratings' four steps, a quarter of the scale each, so the
 * picture keeps one look (greyscale steps and marks) whichever it shows.
 */
export const scoreBands = [
  { cell: 'not_started', from: 0, to: 24 },
  { cell: 'started', from: 25, to: 49 },
  { cell: 'in_progress', from: 50, to: 74 },
  { cell: 'achieved', from: 75, to: 100 },
] as const satisfies readonly { cell: HeatmapCell; from: number; to: number }[];

/** The band of a score as shown (a whole number). */
export function scoreCell(score: number): HeatmapCell {
  const shown = shownScore(score);
  return scoreBands.find((b) => shown <= b.to)?.cell ?? 'achieved';
}

/** Departments × key factors by the setting: the departments' own ratings, or the scores. */
export function heatmapCells(data: DigestData, basis: HeatmapBasis): HeatmapCell[][] {
  const { cycle } = data;
  return cycle.departments.map((d) =>
    cycle.keyFactors.map((kf): HeatmapCell => {
      if (!d.keyFactors.includes(kf.id)) return 'none';
      const rating = data.ratings.get(d.id)?.get(kf.id);
      if (rating === 'skipped' || basis === 'ratings') return rating ?? 'none';
      const score = data.scores.cells.get(d.id)?.get(kf.id);
      return score === undefined ? 'none' : scoreCell(score);
    }),
  );
}

function legendOf(v: PlanReader, basis: HeatmapBasis): Record<HeatmapCell, string> {
  const others = {
    skipped: v.t('reports:heatmap.skipped'),
    none: v.t(basis === 'scores' ? 'reports:heatmap.noScore' : 'reports:heatmap.none'),
  };
  if (basis === 'scores') {
    const band = (cell: (typeof scoreBands)[number]['cell']) => {
      const found = scoreBands.find((b) => b.cell === cell);
      return v.t('reports:heatmap.scoreBand', { from: found?.from, to: found?.to });
    };
    return {
      not_started: band('not_started'),
      started: band('started'),
      in_progress: band('in_progress'),
      achieved: band('achieved'),
      ...others,
    };
  }
  return {
    not_started: v.t('common:ratings.not_started'),
    started: v.t('common:ratings.started'),
    in_progress: v.t('common:ratings.in_progress'),
    achieved: v.t('common:ratings.achieved'),
    ...others,
  };
}

/** The heatmap of the cycle: departments × key factors, by ratings or scores (`reports.heatmap`). */
export function heatmapBlock(
  v: PlanReader,
  data: DigestData,
  organization: string,
  date: string,
  basis: HeatmapBasis = 'ratings',
): Block {
  const { cycle } = data;
  const title = v.t(
    basis === 'scores' ? 'reports:digest.heatmapScoresTitle' : 'reports:digest.heatmapTitle',
    { cycle: cycle.id },
  );
  const { png } = renderHeatmapPng({
    title,
    subtitle: `${organization} · ${date}`,
    departments: cycle.departments.map((d) => d.name[v.language]),
    keyFactors: cycle.keyFactors.map((kf) => ({ id: kf.id, label: String(kf.number) })),
    keyFactorTitles: cycle.keyFactors.map((kf) => `${kf.number} ${kf.title[v.language]}`),
    cells: heatmapCells(data, basis),
    legend: legendOf(v, basis),
  });
  return {
    type: 'image',
    png,
    title,
    alt: v.t(basis === 'scores' ? 'reports:digest.heatmapScoresAlt' : 'reports:digest.heatmapAlt'),
    fileName: `tasa-heatmap-${cycle.id}.png`,
  };
}
