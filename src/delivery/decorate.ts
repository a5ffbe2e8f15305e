import { FilesUnsupportedError, type ChatPort } from '../chat/port.ts';

/**
 * A port with its optional methods filled in, so that a decorator can always
 * call on. Finding a person by e-mail is asked of each platform by name, not
 * routed by an address, so it is not part of the chain (see src/people/email-resolver.ts).
 */
export type FullPort = Required<Omit<ChatPort, 'findPerson'>>;
export type PortMethod = keyof FullPort;

/**
 * What one decorator adds: for each method it cares about, that method
 * wrapped around the next one in (`inner` is the whole port beneath, for a
 * decorator that needs another of its methods). Methods left out pass through.
 */
export type PortHooks = {
  [M in PortMethod]?: (next: FullPort[M], inner: FullPort) => FullPort[M];
};

/**
 * Wraps a port in decorators, the first outermost: `decorate(port, a, b)`
 * calls a, which calls b, which calls the port.
 */
export function decorate(port: ChatPort, ...layers: readonly PortHooks[]): FullPort {
  return layers.reduceRight<FullPort>((inner, hooks) => wrap(inner, hooks), complete(port));
}

function wrap(inner: FullPort, hooks: PortHooks): FullPort {
  const method = <M extends PortMethod>(name: M): FullPort[M] =>
    hooks[name]?.(inner[name], inner) ?? inner[name];
  return {
    send: method('send'),
    sendFiles: method('sendFiles'),
    update: method('update'),
    openForm: method('openForm'),
    personLocale: method('personLocale'),
    personName: method('personName'),
    findSent: method('findSent'),
  };
}

/**
 * What a platform that leaves an optional method out means by it: it cannot
 * take files, reports no locale or name, and cannot read back what it sent (so a
 * message that may have been sent before a crash is sent again).
 */
export function complete(port: ChatPort): FullPort {
  return {
    send: (to, message, options) => port.send(to, message, options),
    sendFiles: async (to, files, comment) => {
      if (!port.sendFiles) throw new FilesUnsupportedError(to.platform);
      await port.sendFiles(to, files, comment);
    },
    update: (ref, message) => port.update(ref, message),
    openForm: (to, trigger, form) => port.openForm(to, trigger, form),
    personLocale: async (to) => port.personLocale?.(to),
    personName: async (to) => port.personName?.(to),
    findSent: async (to, key, since, options) => port.findSent?.(to, key, since, options),
  };
}
