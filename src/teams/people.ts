import type { ConfiguredPerson } from '../chat/address.ts';
import type { ChannelAccount } from '@microsoft/agents-activity';
import type { Logger } from '../shared/logger.ts';
import type { ReferenceBook } from './references.ts';

/** What the Bot Connector's member lookup tells about a Teams user. */
export interface TeamsMember {
  id?: string;
  name?: string;
  aadObjectId?: string;
  objectId?: string;
  email?: string;
  userPrincipalName?: string;
}

export type { ConfiguredPerson } from '../chat/address.ts';

export interface TeamsPeople {
  /**
   * The id the core knows a Teams user by: the value written in tasa.yaml
   * (`29:…`, an Entra object id or an e-mail/UPN), found directly or through
   * the member lookup; for someone not configured, their Entra object id.
   */
  resolve(from: ChannelAccount, lookup: () => Promise<TeamsMember | undefined>): Promise<string>;
  /** A person picked in a form (the people picker gives an Entra object id), as the core knows them. */
  picked(id: string): Promise<string>;
  /** Everyone configured with a Teams id, for the people picker's own list. */
  configured(): readonly ConfiguredPerson[];
}

const lower = (value: string | undefined): string | undefined => value?.trim().toLowerCase();

export function teamsPeople(
  configured: readonly ConfiguredPerson[] | (() => readonly ConfiguredPerson[]),
  book: ReferenceBook,
  logger: Logger,
): TeamsPeople {
  // The list changes when a coordinator changes contacts in chat: read it again then.
  const current = typeof configured === 'function' ? configured : () => configured;
  let listed: readonly ConfiguredPerson[] | undefined;
  let byForm = new Map<string, string>();
  let needsLookup = false;
  // Users already looked up without a match, so strangers do not cost a lookup per message.
  const strangers = new Set<string>();
  const upToDate = (): void => {
    const now = current();
    if (now === listed) return;
    listed = now;
    byForm = new Map(now.map((p) => [p.id.toLowerCase(), p.id]));
    needsLookup = now.some((p) => p.id.includes('@'));
    strangers.clear();
  };
  // Teams sends two activities for one install; both wait for the same lookup.
  const resolving = new Map<string, Promise<string>>();

  const match = (forms: readonly (string | undefined)[]): string | undefined =>
    forms.map(lower).flatMap((form) => (form && byForm.get(form)) || [])[0];

  async function resolve(
    from: ChannelAccount,
    lookup: () => Promise<TeamsMember | undefined>,
  ): Promise<string> {
    const userId = from.id ?? '';
    const known = await book.aliasOf(userId);
    if (known) return known;
    upToDate();
    let found = match([userId, from.aadObjectId]);
    let member: TeamsMember | undefined;
    if (!found && needsLookup && !strangers.has(userId)) {
      member = await lookup().catch((error: unknown) => {
        logger.warn({ err: error }, 'teams member lookup failed');
        return undefined;
      });
      found = match([
        member?.email,
        member?.userPrincipalName,
        member?.aadObjectId,
        member?.objectId,
      ]);
      if (!found && member) strangers.add(userId);
    }
    if (!found) return lower(from.aadObjectId) ?? userId;
    await book.alias(
      [userId, from.aadObjectId, member?.aadObjectId, member?.objectId, member?.email],
      found,
    );
    return found;
  }

  return {
    resolve(from, lookup) {
      const userId = from.id ?? '';
      const running = resolving.get(userId);
      if (running) return running;
      const result = resolve(from, lookup).finally(() => resolving.delete(userId));
      resolving.set(userId, result);
      return result;
    },
    async picked(id) {
      upToDate();
      return match([id]) ?? (await book.aliasOf(id)) ?? id;
    },
    configured: () => {
      upToDate();
      return listed ?? [];
    },
  };
}
