import * as rules from '../config/rules.ts';
import type { AddressBook } from '../delivery/email-addresses.ts';
import type { EmailResolver } from './email-resolver.ts';

/** The delivery's address book over the e-mail resolver: e-mails become platform ids at send time. */
export function emailAddressBook(resolver: EmailResolver): AddressBook {
  const byEmail = (id: string): boolean => rules.email(id);
  return {
    async current(to) {
      if (to.kind !== 'person' || !byEmail(to.id)) return to;
      const id = await resolver.idFor(to.id, to.platform);
      return id ? { ...to, id } : to;
    },
    async renewed(to, used) {
      const email = byEmail(to.id)
        ? to.id
        : resolver.known.emailOf({ platform: used.platform, id: used.id });
      if (!email) return undefined;
      const id = await resolver.refresh(email, to.platform, used.id);
      return id ? { ...to, id } : undefined;
    },
  };
}
