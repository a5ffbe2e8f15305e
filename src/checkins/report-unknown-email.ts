import { notice } from '../chat/views.ts';
import type { ConfiguredEmail } from '../people/configured-emails.ts';
import type { CheckInEngine } from './engine.ts';

/** Tells every coordinator that no platform knows an address tasa.yaml names (called once per address). */
export async function reportUnknownEmail(
  engine: CheckInEngine,
  entry: ConfiguredEmail,
): Promise<void> {
  const ctx = engine.context;
  for (const coordinator of ctx.directory.coordinators()) {
    const t = ctx.i18n.getFixedT(await ctx.languageOf(coordinator));
    await ctx
      .sendTo(
        coordinator,
        notice(
          t('checkins:unknownEmail.coordinator', {
            email: entry.email,
            where: entry.where.join(', '),
          }),
        ),
      )
      .catch((error: unknown) => {
        ctx.logger.warn(
          { err: error, coordinator },
          'could not tell a coordinator about an unknown e-mail',
        );
      });
  }
}
