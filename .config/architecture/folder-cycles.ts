import type { ICruiseResult } from 'dependency-cruiser';
import { folderGraph, importedBy, type ExampleImport, type FolderGraph } from './folder-graph.ts';

/** A folder cycle: `folders` starts and ends with the same folder; `imports[i]` links i to i+1. */
export interface FolderCycle {
  readonly folders: readonly string[];
  readonly imports: readonly ExampleImport[];
}

/** Groups of two or more folders that all reach each other (Tarjan's algorithm). */
function tangles(graph: FolderGraph): string[][] {
  const seen = new Map<string, { index: number; low: number }>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (folder: string): { index: number; low: number } => {
    const state = { index: seen.size, low: seen.size };
    seen.set(folder, state);
    stack.push(folder);
    onStack.add(folder);
    for (const next of importedBy(graph, folder)) {
      const known = seen.get(next);
      if (!known) state.low = Math.min(state.low, visit(next).low);
      else if (onStack.has(next)) state.low = Math.min(state.low, known.index);
    }
    if (state.low === state.index) {
      const group: string[] = [];
      for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
        onStack.delete(member);
        group.push(member);
        if (member === folder) break;
      }
      if (group.length > 1) groups.push(group.sort());
    }
    return state;
  };
  for (const folder of [...graph.keys()].sort()) if (!seen.has(folder)) visit(folder);
  return groups;
}

/** The shortest chain of folders from `start` to `goal` that stays inside `group`. */
function shortestPath(
  graph: FolderGraph,
  group: ReadonlySet<string>,
  start: string,
  goal: string,
): string[] {
  const previous = new Map<string, string>([[start, start]]);
  const queue = [start];
  for (
    let folder = queue.shift();
    folder !== undefined && folder !== goal;
    folder = queue.shift()
  ) {
    for (const next of importedBy(graph, folder)) {
      if (!group.has(next) || previous.has(next)) continue;
      previous.set(next, folder);
      queue.push(next);
    }
  }
  const path = [goal];
  for (let folder = goal; folder !== start;) {
    const before = previous.get(folder);
    if (before === undefined) throw new Error(`${goal} is not reachable from ${start}`);
    path.unshift(before);
    folder = before;
  }
  return path;
}

/** The same cycle always starts at its alphabetically first folder. */
function rotate(open: readonly string[]): string[] {
  const first = open.reduce((best, folder, i) => (folder < (open[best] ?? '') ? i : best), 0);
  const rotated = [...open.slice(first), ...open.slice(0, first)];
  return [...rotated, ...rotated.slice(0, 1)];
}

function exampleImport(graph: FolderGraph, from: string, to: string): ExampleImport {
  const example = graph.get(from)?.get(to);
  if (!example) throw new Error(`${from} does not import ${to}`);
  return example;
}

/**
 * The folder cycles to fix: for each import between two folders that reach each other, the
 * shortest cycle through it, each cycle listed once. Removing any one listed import of a cycle
 * breaks that cycle.
 */
export function findFolderCycles(result: ICruiseResult): FolderCycle[] {
  const graph = folderGraph(result);
  const cycles = new Map<string, FolderCycle>();
  for (const group of tangles(graph)) {
    const members: ReadonlySet<string> = new Set(group);
    for (const from of group) {
      for (const to of importedBy(graph, from).filter((folder) => members.has(folder))) {
        const path = shortestPath(graph, members, to, from);
        const folders = rotate([from, ...path.slice(0, -1)]);
        const imports = folders
          .slice(1)
          .map((next, i) => exampleImport(graph, folders[i] ?? '', next));
        cycles.set(folders.join(' → '), { folders, imports });
      }
    }
  }
  return [...cycles.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, cycle]) => cycle);
}

/** A cycle as lines a person can act on: the folders, then one example import per step. */
export function describeCycle(cycle: FolderCycle): string {
  const steps = cycle.imports.map(
    (example, i) =>
      `    ${cycle.folders[i] ?? ''} → ${cycle.folders[i + 1] ?? ''}: ` +
      `${example.from} → ${example.to}${example.typeOnly ? ' (type-only)' : ''}`,
  );
  return [`  folder cycle: ${cycle.folders.join(' → ')}`, ...steps].join('\n');
}
