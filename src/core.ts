import { randomBytes } from 'node:crypto';
import type { i18n } from 'i18next';
import { createAdminRepository } from './admin/admin-repository.ts';
import type { AdminDeps } from './admin/administer.ts';
import { fileEdited } from './admin/file-edits.ts';
import { createSettings, type FileOutcome, type Settings } from './admin/settings.ts';
import type { ConfigResult } from './config/load.ts';
import { liveConfig } from './config/live.ts';
import { liveDirectory } from './people/live-directory.ts';
import { actionPlanDeliverers, remindersJob } from './action-plans/schedule.ts';
import type { Catalogue } from './catalogue/load.ts';
import type { Platform } from './chat/address.ts';
import type { ChatPort } from './chat/port.ts';
import { createCheckInEngine, type CheckInEngine } from './checkins/engine.ts';
import { checkInDeliverers, checkInsJob, fanOutCheckIns } from './checkins/schedule.ts';
import type { OrganizationConfig } from './config/schema.ts';
import type { CycleDeps } from './cycles/lifecycle.ts';
import { createDeliveriesRepository } from './inbound/deliveries-repository.ts';
import type { InboundPort } from './inbound/port.ts';
import { createInbound } from './inbound/receive.ts';
import { actionItemsPersonalData } from './action-plans/repository.ts';
import { createPromptRepository } from './checkins/prompt-repository.ts';
import { recordsPersonalData } from './checkins/record-privacy.ts';
import { cyclesPersonalData } from './cycles/repository.ts';
import { createHandOverRepository } from './people/hand-overs-repository.ts';
import { createNamesRepository } from './people/names-repository.ts';
import { createPlatformMemoryRepository } from './people/platform-memory-repository.ts';
import { createEmailIdsRepository } from './people/email-ids-repository.ts';
import { emailAddressBook } from './people/email-address-book.ts';
import { emailPeople, type EmailPeople } from './people/email-people.ts';
import { createEmailResolver, type PersonFinders } from './people/email-resolver.ts';
import { emailAddresses } from './delivery/email-addresses.ts';
import { reportUnknownEmail } from './checkins/report-unknown-email.ts';
import { createPreferencesRepository } from './people/preferences-repository.ts';
import { createReachabilityRepository } from './people/reachability-repository.ts';
import { createPrivacy } from './privacy/privacy.ts';
import { openCycleJob } from './cycles/schedule.ts';
import { counting } from './delivery/counting.ts';
import {
  createDownloads,
  defaultLinkLifetimeMs,
  type DownloadSettings,
  type Downloads,
} from './downloads/downloads.ts';
import { createDownloadsRepository } from './downloads/downloads-repository.ts';
import { decorate } from './delivery/decorate.ts';
import { pacing } from './delivery/pacing.ts';
import { createDeliveryScope } from './delivery/scope.ts';
import { sendOnce } from './delivery/send-once.ts';
import { noMetrics, type MetricsSink } from './metrics/sink.ts';
import { dispatch, type Deliverers } from './outbox/items.ts';
import { createOutbox, type Outbox } from './outbox/outbox.ts';
import { outboxPersonalData } from './outbox/personal-data.ts';
import type { Directory } from './people/directory.ts';
import { retentionJob } from './privacy/retention-schedule.ts';
import { reportDeliverers } from './reports/post.ts';
import { reportJob } from './reports/schedule.ts';
import { reviewAfterAnswer } from './reviews/after-answer.ts';
import { reviewDeliverers, reviewsJob } from './reviews/schedule.ts';
import { workCalendar, type WorkCalendar } from './scheduler/calendar.ts';
import { createRunner, type Runner } from './scheduler/runner.ts';
import { createScheduler, type Job } from './scheduler/scheduler.ts';
import type { Clock } from './shared/clock.ts';
import type { Logger } from './shared/logger.ts';
import { readAhead } from './store/read-ahead.ts';
import type { Store } from './store/store.ts';

export interface CoreOptions {
  /** The file's configuration; its people part is seeded into the store and changed there. */
  config: OrganizationConfig;
  store: Store;
  clock: Clock;
  logger: Logger;
  i18n: i18n;
  catalogue: Catalogue;
  /** The platforms that are connected; people are reached only on these. */
  platforms: readonly Platform[];
  port: ChatPort;
  /** Each connected platform's port, asked for people named by e-mail; none are found without it. */
  finders?: PersonFinders;
  sleep?: (ms: number) => Promise<void>;
  /** The pacing clock in milliseconds (tests use a virtual one). */
  now?: () => number;
  /** Where counters and timings go; nothing is counted without it. */
  metrics?: MetricsSink;
  /** How long a replica holds a message while sending it (default 2 minutes); see createOutbox. */
  sendClaimTtlMs?: number;
  /** Outbox items sent side by side (1 by default); see createOutbox. */
  outboxConcurrency?: number;
  /** Download links for platforms that take no files (Teams); none without a public address. */
  downloads?: Partial<DownloadSettings>;
}

/** The platform-neutral core: everything but the adapters, wired together. */
export interface Core {
  engine: CheckInEngine;
  outbox: Outbox;
  runner: Runner;
  directory: Directory;
  calendar: WorkCalendar;
  downloads: Downloads;
  /** The one way in from the platforms. */
  inbound: InboundPort;
  cycleDeps: CycleDeps;
  /** People named by e-mail in tasa.yaml: found on the platforms at start and when needed. */
  emails: EmailPeople;
  /** The effective configuration: the file's, with the people part the store keeps. */
  settings: Settings;
  admin: AdminDeps;
  /** tasa.yaml read again: applied, or refused with the running configuration kept. */
  fileEdited(read: ConfigResult): Promise<FileOutcome>;
}

export function createCore(options: CoreOptions): Core {
  const { store, clock, logger, i18n, catalogue } = options;
  // Interactions read what they need in one call at their start (see readAhead).
  const ahead = readAhead(store);
  const settings = createSettings({ file: options.config, store: ahead.store, clock, logger });
  // Every reader sees the current configuration; what it is built from changes without a restart.
  const config = liveConfig(settings.current);
  const emailIds = createEmailIdsRepository(store);
  const resolver = createEmailResolver({
    repository: emailIds,
    finders: options.finders ?? {},
    clock,
    logger,
  });
  const directory = liveDirectory(settings.current, options.platforms, resolver.known);
  const calendar = workCalendar(config.organization.timezone, config.organization.holidays);
  const metrics = options.metrics ?? noMetrics;
  const scope = createDeliveryScope();
  // Outermost first: one send of a delivery, counted once, however many paced retries it took.
  const port = decorate(
    options.port,
    sendOnce(scope, logger),
    counting(metrics),
    pacing({
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      now: options.now ?? (() => Date.now()),
      logger,
      onRateLimitWait: (platform, ms) => metrics.rateLimitWait(platform, ms),
    }),
    // Innermost: each attempt goes to the id the platform gives for an e-mail now.
    emailAddresses(emailAddressBook(resolver)),
  );
  const engine = createCheckInEngine({
    store: ahead.store,
    port,
    clock,
    logger,
    config,
    catalogue,
    i18n,
    directory,
    localDate: calendar.localDate,
    metrics,
    afterAnswer: reviewAfterAnswer,
  });
  const deliverers: Deliverers = {
    ...checkInDeliverers(engine),
    ...actionPlanDeliverers(engine),
    ...reportDeliverers(engine),
    ...reviewDeliverers(engine),
  };
  const outbox = createOutbox({
    store,
    clock,
    logger,
    metrics,
    scope,
    ...(options.sendClaimTtlMs ? { sendClaimTtlMs: options.sendClaimTtlMs } : {}),
    ...(options.outboxConcurrency ? { concurrency: options.outboxConcurrency } : {}),
    deliver: dispatch(deliverers),
  });
  const jobDeps = {
    store,
    outbox,
    directory,
    calendar,
    logger,
    clock,
    config,
    catalogue,
    localDate: calendar.localDate,
  };
  const scheduler = createScheduler({
    store,
    clock,
    timeZone: config.organization.timezone,
    graceMs: config.schedule.graceHours * 3_600_000,
    logger,
    metrics,
    jobs: refreshingFirst(settings, [
      openCycleJob(jobDeps, config.schedule.openCycle, (cycle, day, batch) =>
        fanOutCheckIns(jobDeps, cycle, day, batch),
      ),
      checkInsJob(jobDeps, config.schedule.checkIns),
      remindersJob({ ...jobDeps, engine }, config.schedule.reminders),
      reportJob({ engine, outbox, calendar }, 'rollup', config.schedule.rollup),
      reportJob({ engine, outbox, calendar }, 'digest', config.schedule.digest),
      reviewsJob(jobDeps, config.schedule.reviews),
      ...(config.privacy.retentionYears
        ? [retentionJob({ store, clock, logger }, config.privacy.retentionYears)]
        : []),
    ]),
  });
  const cycleDeps: CycleDeps = { store, clock, config, catalogue, localDate: calendar.localDate };
  const admin: AdminDeps = { settings, store, clock, logger, catalogue };
  const downloads = createDownloads(
    {
      ...options.downloads,
      // Without a configured secret links are signed with one of this process only.
      secret: options.downloads?.secret ?? randomBytes(32).toString('base64url'),
      lifetimeMs: options.downloads?.lifetimeMs ?? defaultLinkLifetimeMs,
    },
    createDownloadsRepository(store),
    clock,
  );
  const services = { engine, outbox, directory, calendar, admin, downloads };
  const inbound = createInbound({
    core: services,
    cycleDeps,
    deliveries: createDeliveriesRepository(store),
    ahead,
    settings,
  });
  return {
    ...services,
    runner: createRunner(scheduler, outbox, logger),
    inbound,
    cycleDeps,
    emails: emailPeople({
      config,
      resolver,
      repository: emailIds,
      clock,
      logger,
      tell: (entry) => reportUnknownEmail(engine, entry),
    }),
    settings,
    fileEdited: (read) => fileEdited({ settings, context: engine.context }, read),
  };
}

/** A scheduled run first takes in a change another replica made to the configuration. */
const refreshingFirst = (settings: Settings, jobs: Job[]): Job[] =>
  jobs.map((job) => ({
    ...job,
    async run(slot) {
      await settings.refresh();
      await job.run(slot);
    },
  }));

/**
 * Every repository that keeps something about a person, for data-subject
 * requests; in the order their shares appear in an export.
 */
export function personalDataParts(store: Store) {
  return [
    createPreferencesRepository(store),
    createReachabilityRepository(store),
    recordsPersonalData(store),
    createPromptRepository(store).personalData,
    actionItemsPersonalData(store),
    cyclesPersonalData(store),
    createHandOverRepository(store),
    createNamesRepository(store),
    createAdminRepository(store),
    createPlatformMemoryRepository(store, 'teams'),
    createEmailIdsRepository(store),
    outboxPersonalData(store),
    createDownloadsRepository(store),
  ] as const;
}

/** Data-subject requests (`tasa privacy`) over every share of the organisation's store. */
export const privacyOf = (store: Store, directory: Pick<Directory, 'refsOf'>) =>
  createPrivacy(personalDataParts(store), directory);
