import type { Address } from '../chat/address.ts';
import { UnreachableError } from '../chat/port.ts';
import type { PortHooks } from './decorate.ts';

/**
 * Where a person named by e-mail is on their platform now. The core keeps
 * the e-mail in addresses (in outbox items too), so a send always goes to
 * the id the platform gives today, not the one it gave when the item was made.
 */
export interface AddressBook {
  /** The platform's own address for `to`: itself unless it names a person by e-mail. */
  current(to: Address): Promise<Address>;
  /** After a send to `used` failed as unreachable: a newer address for `to`, if there is one. */
  renewed(to: Address, used: Address): Promise<Address | undefined>;
}

/**
 * Turns e-mail addresses into the platform's ids at send time, and when a
 * send fails as unreachable (a deleted and re-created account has a new id)
 * asks the platform again and tries once more.
 */
export function emailAddresses(book: AddressBook): PortHooks {
  async function withAddress<T>(to: Address, work: (at: Address) => Promise<T>): Promise<T> {
    const used = await book.current(to);
    try {
      return await work(used);
    } catch (error) {
      if (!(error instanceof UnreachableError) || to.kind !== 'person') throw error;
      const renewed = await book.renewed(to, used);
      if (!renewed) throw error;
      return work(renewed);
    }
  }
  return {
    // The message keeps the address it was sent to as the core wrote it.
    send: (next) => (to, message, options) =>
      withAddress(to, async (at) => ({ ...(await next(at, message, options)), address: to })),
    sendFiles: (next) => (to, files, comment) => withAddress(to, (at) => next(at, files, comment)),
    openForm: (next) => (to, trigger, form) => withAddress(to, (at) => next(at, trigger, form)),
    personLocale: (next) => async (to) => next(await book.current(to)),
    findSent: (next) => async (to, key, since, options) => {
      const found = await next(await book.current(to), key, since, options);
      return found && { ...found, address: to };
    },
  };
}
