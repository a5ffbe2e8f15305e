import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readZip } from './read-zip.ts';

const exec = promisify(execFile);
const mainScript = fileURLToPath(new URL('../../manifests/teams/tools/main.ts', import.meta.url));
const appId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

type Manifest = { id: string };

describe('npm run package:teams', () => {
  async function run(env: Record<string, string>, ...args: string[]) {
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => key !== 'MICROSOFT_APP_ID' && key !== 'TEAMS_BOT_ID',
      ),
    );
    try {
      const { stdout, stderr } = await exec(process.execPath, [mainScript, ...args], {
        env: { ...clean, ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      return error as { code: number; stdout: string; stderr: string };
    }
  }

  it('fails with a clear message when MICROSOFT_APP_ID is missing', async () => {
    const { code, stderr } = await run({});
    expect(code).toBe(1);
    expect(stderr).toContain('package:teams: MICROSOFT_APP_ID is not set');
  });

  it('writes the zip', async () => {
    const outFile = join(mkdtempSync(join(tmpdir(), 'tasa-teams-')), 'tasa-teams.zip');
    const { code, stdout } = await run({ MICROSOFT_APP_ID: appId }, '--out', outFile);
    expect(code).toBe(0);
    expect(stdout).toContain('Upload a custom app');
    const manifest = readZip(readFileSync(outFile)).find((e) => e.name === 'manifest.json')!;
    expect((JSON.parse(manifest.data.toString('utf8')) as Manifest).id).toBe(appId);
  });
});
