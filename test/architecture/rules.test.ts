import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { cruiseSources } from '../../.config/architecture/cruise.ts';
import { describeCycle, findFolderCycles } from '../../.config/architecture/folder-cycles.ts';
import { findFilesOutsideLayers } from '../../.config/architecture/folder-graph.ts';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`fixture/${name}`, import.meta.url));

const repo = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The two commands of `npm run lint:architecture`, run in a fixture as if it were the repository. */
function lint(name: string): { depcruise: number | null; folders: number | null; output: string } {
  const run = (args: string[]) =>
    spawnSync(process.execPath, args, { cwd: fixture(name), encoding: 'utf8' });
  const depcruise = run([
    repo('node_modules/dependency-cruiser/bin/dependency-cruiser.mjs'),
    '--config',
    repo('.config/architecture/dependency-cruiser.ts'),
    'src',
  ]);
  const folders = run([
    '--experimental-strip-types',
    repo('.config/architecture/check-folders.ts'),
  ]);
  return {
    depcruise: depcruise.status,
    folders: folders.status,
    output: depcruise.stdout + depcruise.stderr + folders.stdout + folders.stderr,
  };
}

/** Each broken rule as `rule: from → to`, in a stable order. */
function violations(result: ICruiseResult): string[] {
  return (result.summary.violations ?? [])
    .map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`)
    .sort();
}

describe('architecture rules', () => {
  it('pass on a tree that follows the layout', async () => {
    const result = await cruiseSources(fixture('clean'));

    expect(result.summary.totalCruised).toBeGreaterThan(5);
    expect(violations(result)).toEqual([]);
    expect(findFolderCycles(result)).toEqual([]);
    expect(findFilesOutsideLayers(result)).toEqual([]);
  });

  it('report each broken rule once, type-only imports included', async () => {
    const result = await cruiseSources(fixture('broken'));

    expect(violations(result)).toEqual([
      'core-not-to-platform: src/reports/post.ts → src/slack/adapter.ts',
      'feature-imports-kernel-infrastructure-features: src/commands/run.ts → src/jobs/runner.ts',
      'infrastructure-imports-kernel-and-infrastructure: src/outbox/outbox.ts → src/checkins/answer.ts',
      'kernel-imports-only-kernel: src/chat/actions.ts → src/checkins/answer.ts',
      'no-circular: src/people/directory.ts → src/people/preferences.ts',
      'not-to-composition-root: src/home/view.ts → src/core.ts',
      'platform-imports-only-ports: src/slack/adapter.ts → src/store/store.ts',
      'platform-imports-only-ports: src/teams/adapter.ts → src/metrics/registry.ts',
      'platform-imports-only-ports: src/teams/adapter.ts → src/slack/adapter.ts',
      'src-not-to-test: src/privacy/erase.ts → test/fake.ts',
      'store-only-in-repositories: src/cycles/lifecycle.ts → src/store/store.ts',
    ]);
  });

  it('report a cycle between folders that no module cycle shows, with one import per step', async () => {
    const result = await cruiseSources(fixture('broken'));
    const cycles = findFolderCycles(result);

    expect(cycles.map((cycle) => cycle.folders.join(' → '))).toEqual([
      'src/action-plans → src/checkins → src/action-plans',
    ]);
    expect(describeCycle(cycles[0]!)).toBe(
      [
        '  folder cycle: src/action-plans → src/checkins → src/action-plans',
        '    src/action-plans → src/checkins: src/action-plans/item.ts → src/checkins/answer.ts (type-only)',
        '    src/checkins → src/action-plans: src/checkins/engine.ts → src/action-plans/plans.ts',
      ].join('\n'),
    );
  });

  it('report files in a folder that belongs to no layer', async () => {
    const result = await cruiseSources(fixture('broken'));

    expect(findFilesOutsideLayers(result)).toEqual(['src/jobs/runner.ts']);
  });

  it('fail the lint commands with a readable message, and pass them on a clean tree', () => {
    const broken = lint('broken');
    expect([broken.depcruise, broken.folders]).toEqual([11, 1]);
    expect(broken.output).toContain(
      'error platform-imports-only-ports: src/slack/adapter.ts → src/store/store.ts',
    );
    expect(broken.output).toContain(
      'folder cycle: src/action-plans → src/checkins → src/action-plans',
    );

    const clean = lint('clean');
    expect([clean.depcruise, clean.folders]).toEqual([0, 0]);
  });
});
