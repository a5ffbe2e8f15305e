import type { IConfiguration } from 'dependency-cruiser';
import {
  anyOf,
  compositionRoot,
  features,
  inbound,
  infrastructure,
  kernel,
  platforms,
  repository,
  store,
} from './layers.ts';

/**
 * The architecture of src/, checked by `npm run lint`. Each rule names the one import that
 * breaks it; a rule's `comment` is the reason it exists. A dependency on the composition root
 * or on a platform is reported by the rules made for those two, so the layer rules leave them
 * out and each wrong import is reported once.
 */
const reportedElsewhere = [compositionRoot, platforms];

const config: IConfiguration = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'Modules in a cycle can only be understood, tested and loaded together, and the order ' +
        'they are evaluated in decides which of them sees the others undefined. Type-only ' +
        'imports count: a cycle of types still ties the modules together.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'src-not-to-test',
      comment:
        'Test code is not shipped (the build and the Docker image leave test/ out), so production ' +
        'code that imports it breaks at run time.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'not-to-composition-root',
      comment:
        'The composition root wires every concrete part together and reads the environment; a ' +
        'module that imports it depends on everything and cannot be used or tested on its own.',
      severity: 'error',
      from: { path: '^src/', pathNot: compositionRoot },
      to: { path: compositionRoot },
    },
    {
      name: 'core-not-to-platform',
      comment:
        'The core is platform-neutral: it talks to chat only through its own port, so that Slack ' +
        'and Teams behave the same and a third platform needs no change in the core.',
      severity: 'error',
      from: { path: '^src/', pathNot: anyOf(platforms, compositionRoot) },
      to: { path: platforms },
    },
    {
      name: 'kernel-imports-only-kernel',
      comment:
        'src/shared, src/i18n and src/chat are the vocabulary every layer uses; if they imported ' +
        'anything else, every layer would depend on it and its changes would ripple everywhere.',
      severity: 'error',
      from: { path: kernel },
      to: { path: '^src/', pathNot: anyOf(kernel, ...reportedElsewhere) },
    },
    {
      name: 'infrastructure-imports-kernel-and-infrastructure',
      comment:
        'Storage, queues, timers, metrics, HTTP and the port decorators serve every feature; ' +
        'knowing a feature would make them change with it and tie the features to each other.',
      severity: 'error',
      from: { path: infrastructure },
      to: { path: '^src/', pathNot: anyOf(kernel, infrastructure, ...reportedElsewhere) },
    },
    {
      name: 'feature-imports-kernel-infrastructure-features',
      comment:
        'A feature is called through the inbound port, never the other way round; it may use ' +
        'the kernel, the infrastructure and other features, and nothing outside a known layer.',
      severity: 'error',
      from: { path: features },
      to: {
        path: '^src/',
        pathNot: anyOf(kernel, infrastructure, features, ...reportedElsewhere),
      },
    },
    {
      name: 'inbound-imports-core',
      comment:
        'The inbound port turns neutral inputs into calls on the features; it may use the core ' +
        'and nothing outside a known layer.',
      severity: 'error',
      from: { path: inbound },
      to: {
        path: '^src/',
        pathNot: anyOf(kernel, infrastructure, features, inbound, ...reportedElsewhere),
      },
    },
    {
      name: 'platform-imports-only-ports',
      comment:
        'A platform only translates between its SDK and the neutral core: it sees its own ' +
        'folder, the chat port and views, the shared kernel, the inbound port, HTTP and the ' +
        'metrics sink. Never the store, the texts, the catalogue, the configuration, a feature ' +
        'or the other platform, so that both platforms get the same behaviour from one place.',
      severity: 'error',
      from: { path: '^src/(slack|teams)/' },
      to: {
        path: '^src/',
        pathNot: anyOf(
          '^src/$1/',
          '^src/(chat|shared|inbound|http)/',
          '^src/metrics/sink\\.ts$',
          compositionRoot,
        ),
      },
    },
    {
      name: 'store-only-in-repositories',
      comment:
        'Only repositories (repository.ts, *-repository.ts) and the infrastructure that owns its ' +
        'own keys (the outbox, the scheduler) use the store, so each record has one place that ' +
        'knows its keys, its locks and its format. The store handle itself may be passed along ' +
        '(a type-only import) to reach a repository. The kernel and the platforms are left out ' +
        'here because their own rules forbid the store altogether.',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: anyOf(
          store,
          repository,
          compositionRoot,
          kernel,
          platforms,
          '^src/(outbox|scheduler)/',
        ),
      },
      to: { path: store, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'An import that resolves to no file fails at run time, and no rule here can check it.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Type-only imports are dependencies too: without this, `import type` disappears before
    // the rules see it.
    tsPreCompilationDeps: true,
    // Only src/ is checked; a wrong import into test/ or a package is reported, not followed.
    doNotFollow: { path: ['node_modules', '^test/'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: false },
    },
  },
};

export default config;
