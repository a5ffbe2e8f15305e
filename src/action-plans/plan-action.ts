import type { Action } from '../chat/actions.ts';

/** The actions on action-plan items: their kinds all start with `action`. */
export type PlanAction = Extract<Action, { kind: `action${string}` }>;

export const isPlanAction = (action: Action): action is PlanAction =>
  action.kind.startsWith('action');
