export type { Unreachable } from './reachability-repository.ts';

// Kept where the callers that hold a store have always found them.
export { markReachable, markUnreachable, unreachablePeople } from './reachability-repository.ts';
