import type { Platform } from '../chat/address.ts';
import type { OrganizationConfig } from '../config/schema.ts';
import { createDirectory, type Directory } from './directory.ts';
import type { KnownEmails } from './email-resolver.ts';

/**
 * The directory of whatever configuration is current: rebuilt only when the
 * snapshot changes (a change in chat or in the file), so a lookup stays a map
 * read. Every method is passed through, whatever the Directory offers.
 */
export function liveDirectory(
  current: () => OrganizationConfig,
  enabled: readonly Platform[],
  emails?: KnownEmails,
): Directory {
  let builtFrom: OrganizationConfig | undefined;
  let built: Directory | undefined;
  const now = (): Directory => {
    const config = current();
    if (!built || builtFrom !== config) {
      built = createDirectory(config, enabled, emails);
      builtFrom = config;
    }
    return built;
  };
  return new Proxy({} as Directory, {
    get: (_target, property) => Reflect.get(now(), property) as unknown,
  });
}
