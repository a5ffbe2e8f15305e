import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { platforms } from '../chat/address.ts';
import type { Logger } from '../shared/logger.ts';
import { withTimeout } from '../shared/timeout.ts';
import type { MetricsSink } from './sink.ts';

export interface MetricsOptions {
  logger: Logger;
  /** Node.js process metrics (CPU, memory, event loop, GC) in the same registry. */
  processMetrics?: boolean;
  /** How long a scrape waits for the outbox backlog; a slow store must not hang Prometheus. */
  backlogTimeoutMs?: number;
}

/** Tasa's metrics: what the code reports, and the registry `/metrics` renders. */
export interface Metrics extends MetricsSink {
  /** Created here, never prom-client's global one: two instances in one process stay apart. */
  readonly registry: Registry;
  /** Where the backlog gauge reads from on each scrape; set once the outbox exists. */
  observeBacklog(read: () => Promise<number>): void;
}

/** Slack expects an answer within 3 s; the buckets are finest where a slow command starts to hurt. */
const commandBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3];

export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const backlogTimeoutMs = options.backlogTimeoutMs ?? 2_000;

  const sent = new Counter({
    name: 'tasa_messages_sent_total',
    help: 'Messages posted to a chat platform (after pacing and retries).',
    labelNames: ['platform'] as const,
    registers,
  });
  const failed = new Counter({
    name: 'tasa_messages_failed_total',
    help: 'Message posts that failed after pacing and retries; the outbox may still retry the item later.',
    labelNames: ['platform', 'reason'] as const,
    registers,
  });
  const rateLimitWaits = new Counter({
    name: 'tasa_rate_limit_waits_total',
    help: 'Times a platform answered 429 and Tasa waited as it asked.',
    labelNames: ['platform'] as const,
    registers,
  });
  const rateLimitSeconds = new Counter({
    name: 'tasa_rate_limit_wait_seconds_total',
    help: 'Seconds spent waiting on platform rate limits.',
    labelNames: ['platform'] as const,
    registers,
  });
  const jobRuns = new Counter({
    name: 'tasa_job_runs_total',
    help: 'Scheduled slots by outcome on this replica: ran, claim_lost (another replica ran it), skipped_late, failed.',
    labelNames: ['job', 'outcome'] as const,
    registers,
  });
  const outboxItems = new Counter({
    name: 'tasa_outbox_items_total',
    help: 'Outbox items that reached a final state: sent, skipped (nothing to say) or failed (given up).',
    labelNames: ['kind', 'outcome'] as const,
    registers,
  });
  const answers = new Counter({
    name: 'tasa_answers_recorded_total',
    help: 'Answers to check-in questions saved.',
    registers,
  });
  const commandSeconds = new Histogram({
    name: 'tasa_command_duration_seconds',
    help: 'Time to answer a command, from receiving it to the reply.',
    labelNames: ['command'] as const,
    buckets: commandBuckets,
    registers,
  });

  // Series that exist from the start, so a dashboard's rate() shows 0 rather than nothing.
  for (const platform of platforms) {
    sent.inc({ platform }, 0);
    rateLimitWaits.inc({ platform }, 0);
    rateLimitSeconds.inc({ platform }, 0);
  }

  let readBacklog: (() => Promise<number>) | undefined;
  // One read at a time: scrapes during a store outage must not pile up queries.
  let reading: Promise<number> | undefined;
  new Gauge({
    name: 'tasa_outbox_backlog',
    help: 'Outbox items not yet sent; NaN when the store did not answer in time.',
    registers,
    async collect() {
      if (!readBacklog) return;
      reading ??= readBacklog().finally(() => {
        reading = undefined;
      });
      try {
        this.set(await withTimeout(reading, backlogTimeoutMs, 'reading the outbox backlog'));
      } catch (error) {
        // Unknown is not zero: NaN leaves a gap in the graph instead of a reassuring flat line.
        this.set(Number.NaN);
        options.logger.warn({ err: error }, 'outbox backlog unknown for this scrape');
      }
    },
  });

  return {
    registry,
    observeBacklog(read) {
      readBacklog = read;
    },
    messageSent: (platform) => sent.inc({ platform }),
    messageFailed: (platform, reason) => failed.inc({ platform, reason }),
    rateLimitWait(platform, ms) {
      rateLimitWaits.inc({ platform });
      rateLimitSeconds.inc({ platform }, ms / 1000);
    },
    jobRun: (job, outcome) => jobRuns.inc({ job, outcome }),
    outboxItem: (kind, outcome) => outboxItems.inc({ kind, outcome }),
    answerRecorded: () => answers.inc(),
    commandDuration: (command, seconds) => commandSeconds.observe({ command }, seconds),
  };
}
