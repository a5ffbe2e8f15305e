import type { OrganizationConfig } from './schema.ts';

/**
 * A configuration that is read again on every access: each property comes
 * from `current()`, so whoever holds it sees a change made in chat or in the
 * file at once, without being handed a new object. A proxy rather than a list
 * of getters, so a section added to the schema is live without a change here.
 */
export function liveConfig(current: () => OrganizationConfig): OrganizationConfig {
  return new Proxy({} as OrganizationConfig, {
    get: (_target, property) => Reflect.get(current(), property) as unknown,
    has: (_target, property) => Reflect.has(current(), property),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_target, property) => {
      const found = Reflect.getOwnPropertyDescriptor(current(), property);
      return found ? { ...found, configurable: true } : undefined;
    },
  });
}
