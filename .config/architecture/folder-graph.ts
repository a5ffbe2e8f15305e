import type { ICruiseResult } from 'dependency-cruiser';
import { knownFolders, rootFiles } from './layers.ts';

/** One import that makes a folder depend on another. */
export interface ExampleImport {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
}

/** Folder → folder it imports → the first import (by path) that does it. */
export type FolderGraph = ReadonlyMap<string, ReadonlyMap<string, ExampleImport>>;

/**
 * The unit the folder rules are about: a first-level folder of src/ (`src/checkins`), or the
 * file itself for a file directly in src/ (`src/main.ts`). Anything outside src/ has none.
 */
export function folderOf(path: string): string | undefined {
  const match = /^src\/([^/]+)(\/?)/.exec(path);
  if (!match) return undefined;
  return match[2] ? `src/${match[1]}` : path;
}

/** Collapses the module graph to first-level folders, type-only imports included. */
export function folderGraph(result: ICruiseResult): FolderGraph {
  const graph = new Map<string, Map<string, ExampleImport>>();
  const modules = [...result.modules].sort((a, b) => a.source.localeCompare(b.source));
  for (const module of modules) {
    const from = folderOf(module.source);
    if (!from) continue;
    const dependencies = [...module.dependencies].sort((a, b) =>
      a.resolved.localeCompare(b.resolved),
    );
    for (const dependency of dependencies) {
      const to = folderOf(dependency.resolved);
      if (!to || to === from || dependency.coreModule || dependency.couldNotResolve) continue;
      const edges = graph.get(from) ?? new Map<string, ExampleImport>();
      graph.set(from, edges);
      if (edges.has(to)) continue;
      const typeOnly = dependency.dependencyTypes.includes('type-only');
      edges.set(to, { from: module.source, to: dependency.resolved, typeOnly });
    }
  }
  return graph;
}

/** The folders `folder` imports, in a stable order. */
export function importedBy(graph: FolderGraph, folder: string): string[] {
  return [...(graph.get(folder)?.keys() ?? [])].sort();
}

/**
 * Files in src/ outside every known layer. No layer rule applies to them, so a new folder must
 * be given a layer (in layers.ts) before it can hold code.
 */
export function findFilesOutsideLayers(result: ICruiseResult): string[] {
  const root: ReadonlySet<string> = new Set(rootFiles.map((file) => `src/${file}`));
  return result.modules
    .map((module) => module.source)
    .filter((source) => {
      const folder = folderOf(source);
      if (!folder) return false;
      if (folder === source) return !root.has(source);
      return !knownFolders.has(folder.slice('src/'.length));
    })
    .sort();
}
