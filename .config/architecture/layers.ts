/**
 * The first-level folders of src/, by layer. The dependency rules and the folder check
 * both read this list, so moving a folder to another layer is a one-line change.
 */
export const layers = {
  /** Vocabulary every layer shares; it must stay free of anything that changes more often. */
  kernel: ['shared', 'i18n', 'chat'],
  /** Storage, queues, timers, metrics, HTTP and decorators of the chat port. */
  infrastructure: ['store', 'outbox', 'scheduler', 'metrics', 'http', 'delivery', 'downloads'],
  /** What a city does with Tasa. */
  features: [
    'catalogue',
    'config',
    'cycles',
    'people',
    'checkins',
    'action-plans',
    'reviews',
    'reports',
    'privacy',
    'home',
    'commands',
    'admin',
  ],
  /** The core's one entry point from the platforms. */
  inbound: ['inbound'],
  /** Adapters that translate Slack and Teams to and from the neutral port. */
  platforms: ['slack', 'teams'],
  /** Wiring: the only place that knows every concrete part. */
  rootFolders: ['cli'],
} as const;

/** Files directly in src/ that belong to the composition root. */
export const rootFiles = ['main.ts', 'app.ts', 'core.ts', 'env.ts'] as const;

/** A path pattern for files anywhere under the given first-level folders of src/. */
export function under(folders: readonly string[]): string {
  return `^src/(${folders.join('|')})/`;
}

export const kernel = under(layers.kernel);
export const infrastructure = under(layers.infrastructure);
export const features = under(layers.features);
export const inbound = under(layers.inbound);
export const platforms = under(layers.platforms);
export const compositionRoot = `^src/(${rootFiles.map((file) => file.replace('.', '\\.')).join('|')})$|${under(layers.rootFolders)}`;
export const store = '^src/store/';
/** Files named `repository.ts` or `*-repository.ts`, in any folder. */
export const repository = '(^|/)(repository|[^/]+-repository)\\.ts$';

/** Every first-level folder of src/ that has a layer. */
export const knownFolders: ReadonlySet<string> = new Set(Object.values(layers).flat());

/** Joins path patterns into one that matches any of them. */
export function anyOf(...patterns: string[]): string {
  return patterns.map((pattern) => `(${pattern})`).join('|');
}
