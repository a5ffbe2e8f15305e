import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.ts';

/*
 * Teams' command menu: at most ten commands per scope, each one Tasa
 * understands, chosen for the people who work in that scope.
 */

type Manifest = {
  bots: {
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
};

const template = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../manifests/teams/manifest.json', import.meta.url)),
    'utf8',
  ),
) as Manifest;

describe('the Teams command menu', () => {
  const coordinatorOnly = [
    'status',
    'cycle start',
    'cycle close',
    'remind',
    'rollup now',
    'digest now',
    'export',
  ];
  const menu = (scope: string) =>
    template.bots[0]!.commandLists.find((list) => list.scopes.includes(scope))?.commands.map(
      (c) => c.title,
    ) ?? [];

  it('shows at most ten commands per scope, each one Tasa understands', () => {
    const known = commands.map((c) => c.words.join(' '));
    for (const list of template.bots[0]!.commandLists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      expect(new Set(list.commands.map((c) => c.title)).size).toBe(list.commands.length);
      for (const command of list.commands) {
        // A title may carry the first word of its arguments (`away until`).
        const understood = ['help', ...known].some(
          (words) => command.title === words || command.title.startsWith(`${words} `),
        );
        expect(understood, command.title).toBe(true);
        if (coordinatorOnly.includes(command.title))
          expect(command.description).toMatch(/^Coordinators: /);
      }
    }
  });

  it('gives each scope the commands its people use there', () => {
    // A coordinator's own chat: the plan, a new measure and the export are one click away.
    expect(menu('personal')).toEqual(
      expect.arrayContaining(['help', 'my', 'actions', 'action new', 'export', 'status', 'lang']),
    );
    // A channel is where the coordinating body works together: nothing about one person.
    expect(menu('team')).toEqual(
      expect.arrayContaining(['help', 'status', 'actions', 'rollup now', 'digest now']),
    );
    for (const personal of ['my', 'away until', 'back', 'lang', 'export'])
      expect(menu('team')).not.toContain(personal);
    // Files go to one person only, never into a group chat.
    expect(menu('groupChat')).not.toContain('export');
    expect(menu('groupChat')).toEqual(expect.arrayContaining(['help', 'my', 'actions']));
  });
});
