import type { Platform } from '../../chat/address.ts';
import type { OrganizationConfig } from '../../config/schema.ts';
import { configuredEmails, type ConfiguredEmail } from '../../people/configured-emails.ts';
import { ask, type Answer } from '../../people/email-resolver.ts';
import type { CliContext } from '../io.ts';

/** What became of one address: found, known to no platform asked, or not decided (a lookup failed). */
type Verdict = { kind: 'found' } | { kind: 'unknown' } | { kind: 'failed'; reasons: string[] };

function verdict(answers: readonly { platform: Platform; answer: Answer }[]): Verdict {
  if (answers.some(({ answer }) => 'found' in answer && answer.found)) return { kind: 'found' };
  const failed = answers.flatMap(({ platform, answer }) =>
    'failed' in answer ? [`${platform}: ${answer.failed}`] : [],
  );
  return failed.length > 0 ? { kind: 'failed', reasons: failed } : { kind: 'unknown' };
}

/**
 * `tasa check-config --online`: looks every e-mail address of the config up on
 * the platforms whose credentials are in the environment, as Tasa does at
 * start. Exit 1 when one is unknown, could not be looked up, or no platform
 * is configured to ask.
 */
export async function checkPeopleOnline(
  config: OrganizationConfig,
  context: CliContext,
): Promise<number> {
  const { out, err, t } = context;
  const online = await context.findPeople?.(config);
  const connected = Object.keys(online?.finders ?? {}) as Platform[];
  if (!online || connected.length === 0) {
    await online?.close();
    err(t('cli:checkConfig.online.noPlatform'));
    return 1;
  }
  try {
    const emails = configuredEmails(config);
    const unknown: ConfiguredEmail[] = [];
    const failed: { entry: ConfiguredEmail; reasons: string[] }[] = [];
    for (const entry of emails) {
      const answers = [];
      for (const platform of entry.platforms) {
        const finder = online.finders[platform];
        if (finder)
          answers.push({ platform, answer: await ask(finder, entry.email, online.now()) });
      }
      if (answers.length === 0) continue;
      const found = verdict(answers);
      if (found.kind === 'unknown') unknown.push(entry);
      if (found.kind === 'failed') failed.push({ entry, reasons: found.reasons });
    }
    for (const entry of unknown)
      err(
        t('cli:checkConfig.online.unknown', { email: entry.email, where: entry.where.join(', ') }),
      );
    for (const { entry, reasons } of failed)
      err(t('cli:checkConfig.online.failed', { email: entry.email, reasons: reasons.join('; ') }));
    if (unknown.length > 0 || failed.length > 0) {
      err(t('cli:checkConfig.online.notFound', { count: unknown.length + failed.length }));
      return 1;
    }
    out(t('cli:checkConfig.online.ok', { count: emails.length, platforms: connected.join(', ') }));
    return 0;
  } finally {
    await online.close();
  }
}
