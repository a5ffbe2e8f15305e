import type { Platform } from './address.ts';
import { UnreachableError, type ChatPort } from './port.ts';

/** One port over every connected platform: each message goes to its address's platform. */
export function routerPort(ports: Partial<Record<Platform, ChatPort>>): ChatPort {
  const portFor = (platform: Platform): ChatPort => {
    const port = ports[platform];
    if (!port) throw new UnreachableError(`${platform} is not connected`);
    return port;
  };
  return {
    send: async (to, message, options) => portFor(to.platform).send(to, message, options),
    sendFiles: async (to, files, comment) => {
      const port = portFor(to.platform);
      if (!port.sendFiles) throw new UnreachableError(`${to.platform} cannot receive files`);
      await port.sendFiles(to, files, comment);
    },
    update: async (ref, message) => portFor(ref.address.platform).update(ref, message),
    openForm: async (to, trigger, form) => portFor(to.platform).openForm(to, trigger, form),
    personLocale: async (to) => ports[to.platform]?.personLocale?.(to),
    // A platform that cannot read back what it was sent finds nothing: the message is sent again.
    findSent: async (to, key, since, options) =>
      ports[to.platform]?.findSent?.(to, key, since, options),
  };
}
