import { SEOUL_DISTRICTS, SUPPORTER_GROUPS } from './vocabularies.js';

/**
 * The published priority rubric. Each criterion gives a share between 0 and 1; the score is the weighted
 * mean of the shares on a 0–100 scale, and every part is shown with its points so anyone can recompute it.
 *
 * - support: log(1 + supporters) / log(1 + 100), capped at 1 — the first supporters count most, a
 *   campaign of thousands cannot drown everything else;
 * - representativeness: √((districts / 25) × (groups / 6)) — both spread across Seoul and across kinds of
 *   people are needed; one district with many groups or many districts with one group stay low;
 * - feasibility and reuse potential: set by the department's official on 0–3; not yet assessed counts 0.
 */
export const CRITERIA = ['support', 'representativeness', 'feasibility', 'reuse'] as const;
export type Criterion = (typeof CRITERIA)[number];
export type RubricWeights = Record<Criterion, number>;

export const DEFAULT_WEIGHTS: RubricWeights = { support: 3, representativeness: 3, feasibility: 2, reuse: 2 };
export const MAX_WEIGHT = 10;
/** Supporters at which the support share reaches 1. */
export const SUPPORT_SATURATION = 100;
export const MAX_ASSESSMENT = 3;

export interface PriorityInput {
  supporters: number;
  districts: number;
  groups: number;
  feasibility: number | null;
  reuse: number | null;
}

export interface PriorityPart {
  criterion: Criterion;
  weight: number;
  /** What was measured: supporters, districts × groups, or the 0–3 assessment (null: not assessed). */
  value: number | null;
  share: number;
  /** Contribution to the 0–100 score. */
  points: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function criterionShare(criterion: Criterion, input: PriorityInput): number {
  switch (criterion) {
    case 'support':
      return Math.min(1, Math.log1p(Math.max(0, input.supporters)) / Math.log1p(SUPPORT_SATURATION));
    case 'representativeness':
      return Math.sqrt(
        (Math.min(input.districts, SEOUL_DISTRICTS.length) / SEOUL_DISTRICTS.length) *
          (Math.min(input.groups, SUPPORTER_GROUPS.length) / SUPPORTER_GROUPS.length),
      );
    case 'feasibility':
      return (input.feasibility ?? 0) / MAX_ASSESSMENT;
    case 'reuse':
      return (input.reuse ?? 0) / MAX_ASSESSMENT;
  }
}

const measured = (criterion: Criterion, input: PriorityInput): number | null =>
  criterion === 'support'
    ? input.supporters
    : criterion === 'representativeness'
      ? input.districts * input.groups
      : criterion === 'feasibility'
        ? input.feasibility
        : input.reuse;

/** The score (0–100, one decimal) and its parts under the given weights. */
export function priorityScore(weights: RubricWeights, input: PriorityInput): { score: number; parts: PriorityPart[] } {
  const total = CRITERIA.reduce((n, c) => n + weights[c], 0);
  const raw = CRITERIA.map((criterion) => {
    const share = criterionShare(criterion, input);
    return { criterion, weight: weights[criterion], value: measured(criterion, input), share, points: total ? (100 * weights[criterion] * share) / total : 0 };
  });
  return {
    score: round1(raw.reduce((n, p) => n + p.points, 0)),
    parts: raw.map((p) => ({ ...p, share: Math.round(p.share * 1000) / 1000, points: round1(p.points) })),
  };
}
