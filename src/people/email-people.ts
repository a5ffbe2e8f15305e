import type { OrganizationConfig } from '../config/schema.ts';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import { configuredEmails, type ConfiguredEmail } from './configured-emails.ts';
import type { EmailIdsRepository } from './email-ids-repository.ts';
import { resolveEveryone, type EmailResolver } from './email-resolver.ts';

/** How people named by e-mail are being found, for /readyz. */
export interface EmailStatus {
  /** Still looking the configured addresses up after start. */
  resolving: boolean;
  /** Addresses every platform asked answered that it knows no one by. */
  unknownEmails: string[];
}

export interface EmailPeople {
  readonly resolver: EmailResolver;
  /**
   * Looks up every configured address, paced, then says who could not be
   * found: in the log each time, to the coordinators once per address.
   */
  resolve(pace: { sleep(ms: number): Promise<void>; gapMs: number }): Promise<ConfiguredEmail[]>;
  status(): EmailStatus;
  /** Stops a resolution under way after the lookup in progress. */
  stop(): void;
}

export function emailPeople(deps: {
  config: OrganizationConfig;
  resolver: EmailResolver;
  repository: EmailIdsRepository;
  clock: Clock;
  logger: Logger;
  /** Tells the coordinators about an address no platform knows. */
  tell(entry: ConfiguredEmail): Promise<void>;
}): EmailPeople {
  const { resolver, logger } = deps;
  let resolving = false;
  let stopped = false;
  let unknown: ConfiguredEmail[] = [];
  return {
    resolver,
    async resolve(pace) {
      resolving = true;
      try {
        const emails = configuredEmails(deps.config);
        unknown = await resolveEveryone(resolver, emails, { ...pace, stopped: () => stopped });
        if (unknown.length === 0) return unknown;
        logger.warn(
          { emails: unknown.map((u) => ({ email: u.email, where: u.where.join(', ') })) },
          'no connected platform knows these e-mail addresses in tasa.yaml; they cannot be reached',
        );
        for (const entry of unknown) {
          if (stopped) break;
          if (await deps.repository.markNoticed(entry.email, deps.clock.now()))
            await deps.tell(entry);
        }
        return unknown;
      } finally {
        resolving = false;
      }
    },
    status: () => ({ resolving, unknownEmails: unknown.map((u) => u.email) }),
    stop() {
      stopped = true;
    },
  };
}
