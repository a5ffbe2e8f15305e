import type { Platform } from '../chat/address.ts';
import { UnreachableError, type ChatPort } from '../chat/port.ts';
import { complete, type FullPort } from './decorate.ts';

/**
 * One port over every connected platform, the end of the decorator chain:
 * each call goes to its address's platform. A platform not connected cannot
 * be sent to, reports no locale and finds nothing sent (so a message is sent again).
 */
export function routerPort(ports: Partial<Record<Platform, ChatPort>>): FullPort {
  const on = (platform: Platform): FullPort => complete(ports[platform] ?? notConnected(platform));
  return {
    send: async (to, message, options) => on(to.platform).send(to, message, options),
    sendFiles: async (to, files, comment) => on(to.platform).sendFiles(to, files, comment),
    update: async (ref, message) => on(ref.address.platform).update(ref, message),
    openForm: async (to, trigger, form) => on(to.platform).openForm(to, trigger, form),
    personLocale: async (to) => on(to.platform).personLocale(to),
    personName: async (to) => on(to.platform).personName(to),
    findSent: async (to, key, since, options) => on(to.platform).findSent(to, key, since, options),
  };
}

function notConnected(platform: Platform): ChatPort {
  const refuse = (): Promise<never> =>
    Promise.reject(new UnreachableError(`${platform} is not connected`));
  return { send: refuse, sendFiles: refuse, update: refuse, openForm: refuse };
}
