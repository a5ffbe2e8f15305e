import type { Catalogue } from '../catalogue/load.ts';
import type { EngineContext } from '../checkins/context.ts';
import type { OrganizationConfig } from '../config/schema.ts';
import { translatorFor, type Translator } from '../i18n/create.ts';
import type { Language } from '../i18n/languages.ts';

/** Whom an action-plan or report message is written for: their language, and the plan's words. */
export interface PlanReader {
  t: Translator;
  language: Language;
  config: OrganizationConfig;
  catalogue: Catalogue;
  nameOf(person: string): string;
}

/** A reader in one language: what action-plan and report messages are written for. */
export async function planReaderIn(ctx: EngineContext, language: Language): Promise<PlanReader> {
  const t = translatorFor(ctx.i18n, language);
  return {
    t,
    language,
    config: ctx.config,
    catalogue: ctx.catalogue,
    nameOf: await ctx.naming.namer(t('common:someone')),
  };
}

/** A person as the reader of action-plan messages, in their language. */
export async function planReader(ctx: EngineContext, person: string): Promise<PlanReader> {
  return planReaderIn(ctx, await ctx.languageOf(person));
}
