/** A configured person Tasa could not reach, and why (e.g. the Teams app is not installed). */
export interface Unreachable {
  person: string;
  reason: string;
  since: string;
}

// Kept where the callers that hold a store have always found them.
export { markReachable, markUnreachable, unreachablePeople } from './reachability-repository.ts';
