import type { Platform } from '../chat/address.ts';

/** How a scheduled slot ended on this replica. */
export type JobOutcome = 'ran' | 'claim_lost' | 'skipped_late' | 'failed';

/** Why a message did not go out; a small fixed set, so the label stays cheap to store. */
export type SendFailure = 'unreachable' | 'rate_limited' | 'error';

/** What the code reports to metrics. Plain calls, so the core never sees prom-client. */
export interface MetricsSink {
  messageSent(platform: Platform): void;
  messageFailed(platform: Platform, reason: SendFailure): void;
  /** The platform asked us to wait (429, Retry-After) and we did. */
  rateLimitWait(platform: Platform, ms: number): void;
  jobRun(job: string, outcome: JobOutcome): void;
  /** An outbox item reached its final state. */
  outboxItem(kind: string, outcome: 'sent' | 'skipped' | 'failed'): void;
  answerRecorded(): void;
  commandDuration(command: string, seconds: number): void;
}

/** The default everywhere metrics are optional: tests and tools that do not serve /metrics. */
export const noMetrics: MetricsSink = {
  messageSent: () => undefined,
  messageFailed: () => undefined,
  rateLimitWait: () => undefined,
  jobRun: () => undefined,
  outboxItem: () => undefined,
  answerRecorded: () => undefined,
  commandDuration: () => undefined,
};
