import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildTeamsPackage, writeTeamsPackage } from '../../manifests/teams/tools/build-package.ts';
import type { Json } from '../../manifests/teams/tools/manifest-files.ts';
import {
  availableVersions,
  schemaUrl,
  validateTeamsDocument,
} from '../../manifests/teams/tools/schema.ts';
import { packageSettings } from '../../manifests/teams/tools/settings.ts';
import { readZip } from './read-zip.ts';

const manifestDir = fileURLToPath(new URL('../../manifests/teams/', import.meta.url));
const appId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const botId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const ids = { appId, botId: appId };

type Manifest = {
  id: string;
  manifestVersion: string;
  $schema: string;
  name: { short: string; full: string };
  description: { short: string; full: string };
  bots: {
    botId?: string;
    scopes: string[];
    supportsFiles: boolean;
    isNotificationOnly: boolean;
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
};

const template = JSON.parse(readFileSync(join(manifestDir, 'manifest.json'), 'utf8')) as Manifest;

/** A copy of manifests/teams with manifest.json changed, for the refusals. */
function brokenCopy(change: (manifest: Manifest) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'tasa-teams-'));
  cpSync(manifestDir, dir, { recursive: true });
  const manifest = structuredClone(template);
  change(manifest);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

function built(input = { manifestDir, ids }) {
  const result = buildTeamsPackage(input);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const entries = readZip(result.zip);
  const file = (name: string) => entries.find((e) => e.name === name)?.data;
  return {
    result,
    entries,
    file,
    manifest: JSON.parse(file('manifest.json')!.toString('utf8')) as Manifest,
  };
}

describe('the Teams app package', () => {
  it('holds manifest.json with the ids filled in, its icons and translations at the zip root', () => {
    const { entries, file, manifest } = built();
    expect(entries.map((e) => e.name)).toEqual([
      'manifest.json',
      'color.png',
      'outline.png',
      'fi.json',
      'sv.json',
    ]);
    expect(manifest.id).toBe(appId);
    expect(manifest.bots[0]!.botId).toBe(appId);
    expect(file('manifest.json')!.toString('utf8')).not.toContain('{{');
    for (const name of ['color.png', 'outline.png', 'fi.json', 'sv.json'])
      expect(file(name)!.equals(readFileSync(join(manifestDir, name)))).toBe(true);
  });

  it('validates against the Teams JSON schema of its manifestVersion, the newest stable one', () => {
    const { file, manifest } = built();
    expect(manifest.manifestVersion).toBe(availableVersions()[0]);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(validateTeamsDocument('manifest', manifest.manifestVersion, manifest)).toEqual([]);
    for (const name of ['fi.json', 'sv.json']) {
      const translation = JSON.parse(file(name)!.toString('utf8')) as Json;
      expect(validateTeamsDocument('localization', manifest.manifestVersion, translation)).toEqual(
        [],
      );
    }
  });

  it('takes a separate bot id when given one', () => {
    const { manifest } = built({ manifestDir, ids: { appId, botId } });
    expect(manifest.id).toBe(appId);
    expect(manifest.bots[0]!.botId).toBe(botId);
  });

  it('is the same bytes for the same inputs', () => {
    expect(built().result.zip.equals(built().result.zip)).toBe(true);
  });

  it('is also read by unzip, where installed', ({ skip }) => {
    let hasUnzip = true;
    try {
      execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    } catch {
      hasUnzip = false;
    }
    if (!hasUnzip) skip();
    const dir = mkdtempSync(join(tmpdir(), 'tasa-teams-'));
    writeFileSync(join(dir, 'tasa-teams.zip'), built().result.zip);
    expect(execFileSync('unzip', ['-t', join(dir, 'tasa-teams.zip')]).toString()).toContain(
      'No errors detected',
    );
  });
});

describe('the manifest', () => {
  it('has one conversational bot in personal, team and group chat, with a menu for each scope', () => {
    const bot = template.bots[0]!;
    expect(template.bots).toHaveLength(1);
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
    expect(bot.commandLists.map((list) => list.scopes)).toEqual([
      ['personal'],
      ['team'],
      ['groupChat'],
    ]);
    expect(template.name).toEqual({ short: 'Tasa', full: 'Tasa – anti-discrimination benchmark' });
  });

  it('has every command description in Finnish and Swedish', () => {
    for (const language of ['fi', 'sv']) {
      const translation = JSON.parse(
        readFileSync(join(manifestDir, `${language}.json`), 'utf8'),
      ) as Record<string, string>;
      template.bots[0]!.commandLists.forEach((list, l) =>
        list.commands.forEach((_command, c) =>
          expect(
            translation[`bots[0].commandLists[${String(l)}].commands[${String(c)}].description`],
            language,
          ).toBeTruthy(),
        ),
      );
      expect(translation['$schema']).toBe(schemaUrl('localization', template.manifestVersion));
    }
  });
});

describe('a manifest Teams would refuse', () => {
  it('is refused with the schema’s message: a short name over 30 characters', () => {
    const result = buildTeamsPackage({
      manifestDir: brokenCopy((m) => (m.name.short = m.name.full)),
      ids,
    });
    expect(result).toEqual({
      ok: false,
      problems: ['manifest.json: /name/short must NOT have more than 30 characters'],
    });
  });

  it('is refused with the schema’s message: no bot id', () => {
    const result = buildTeamsPackage({
      manifestDir: brokenCopy((m) => delete m.bots[0]!.botId),
      ids,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toContain(
      "manifest.json: /bots/0 must have required property 'botId'",
    );
  });

  it('lists every problem at once, and writes nothing', () => {
    const dir = brokenCopy((m) => {
      m.name.short = m.name.full;
      m.id = '{{TEAMS_APP_ID}}';
      m.bots[0]!.commandLists[0]!.commands[0]!.title = 'help me with everything, please, now';
      m.manifestVersion = '1.29';
    });
    const outFile = join(dir, 'out', 'tasa-teams.zip');
    const result = writeTeamsPackage({ manifestDir: dir, ids, outFile });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual(
      expect.arrayContaining([
        'manifest.json: placeholder not filled at /id: {{TEAMS_APP_ID}}',
        `manifest.json: $schema should be ${schemaUrl('manifest', '1.29')} to match manifestVersion 1.29`,
        'manifest.json: /name/short must NOT have more than 30 characters',
        expect.stringMatching(/^manifest\.json: \/id must match pattern/),
        'manifest.json: /bots/0/commandLists/0/commands/0/title is longer than the 32 characters Teams shows',
      ]),
    );
    expect(existsSync(outFile)).toBe(false);
  });

  it('is refused with more than ten commands in a scope’s menu', () => {
    const dir = brokenCopy((m) => {
      const list = m.bots[0]!.commandLists[0]!;
      list.commands.push({ title: 'cycle start', description: 'Coordinators: open a cycle' });
    });
    const result = buildTeamsPackage({ manifestDir: dir, ids });
    expect(!result.ok && result.problems).toContain(
      'manifest.json: /bots/0/commandLists/0/commands has more than the 10 commands Teams shows',
    );
  });

  it('is refused when a translation names a command the manifest does not have', () => {
    const dir = brokenCopy((m) => m.bots[0]!.commandLists[0]!.commands.pop());
    const result = buildTeamsPackage({ manifestDir: dir, ids });
    expect(!result.ok && result.problems).toContain(
      'fi.json: “bots[0].commandLists[0].commands[9].description” names nothing in manifest.json',
    );
  });

  it('is refused when an icon it names is missing', () => {
    const dir = brokenCopy((m) =>
      Object.assign(m, { icons: { color: 'colour.png', outline: 'outline.png' } }),
    );
    const result = buildTeamsPackage({ manifestDir: dir, ids });
    expect(!result.ok && result.problems).toEqual([`colour.png: not found in ${dir}`]);
  });
});

describe('the ids from the environment', () => {
  it('needs MICROSOFT_APP_ID, and says so by name', () => {
    expect(packageSettings({})).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(
          /^MICROSOFT_APP_ID is not set: set it to the Microsoft App ID of your Azure Bot/,
        ),
      ],
    });
    expect(packageSettings({ MICROSOFT_APP_ID: '  ' }).ok).toBe(false);
  });

  it('uses MICROSOFT_APP_ID for the bot too, unless TEAMS_BOT_ID is set', () => {
    expect(packageSettings({ MICROSOFT_APP_ID: appId })).toEqual({
      ok: true,
      ids: { appId, botId: appId },
    });
    expect(packageSettings({ MICROSOFT_APP_ID: appId, TEAMS_BOT_ID: botId })).toEqual({
      ok: true,
      ids: { appId, botId },
    });
  });

  it('refuses ids that are not GUIDs, naming the variable', () => {
    expect(packageSettings({ MICROSOFT_APP_ID: 'tasa', TEAMS_BOT_ID: 'bot' })).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(/^MICROSOFT_APP_ID must be a GUID .*\(found “tasa”\)$/),
        expect.stringMatching(/^TEAMS_BOT_ID must be a GUID/),
      ],
    });
  });
});
