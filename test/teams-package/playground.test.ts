import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { playgroundCli, playgroundLaunch } from '../../manifests/teams/tools/playground-launch.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Persona {
  currentUser: { id: string; email: string; aadObjectId: string };
  personalChat: { id: string };
}
const persona = (name: string) =>
  parse(readFileSync(join(root, 'manifests/teams/playground', `${name}.yml`), 'utf8')) as Persona;

describe('npm run playground', () => {
  it('starts the Playground against Tasa’s endpoint, as Teams, with all telemetry off', () => {
    const launch = playgroundLaunch({
      port: 3000,
      as: 'contact',
      root,
      env: { PATH: '/usr/bin', GONE: undefined },
    });
    expect(launch.args).toEqual([
      playgroundCli,
      '--app-endpoint',
      'http://localhost:3000/api/messages',
      '--channel-id',
      'msteams',
      '--disable-telemetry',
    ]);
    expect(launch.env).toMatchObject({
      PATH: '/usr/bin',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: join(root, 'manifests/teams/playground/contact.yml'),
      M365_AGENTS_PLAYGROUND_LOGFILE: join(root, 'data/playground/contact.log'),
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    });
    expect(JSON.parse(launch.env['APPLICATIONINSIGHTS_CONFIGURATION_CONTENT']!)).toEqual({
      disableAppInsights: true,
      disableStatsbeat: true,
    });
    expect('GONE' in launch.env).toBe(false);
    expect(playgroundLaunch({ port: 3978, as: '/tmp/me.yml', root, env: {} }).configFile).toBe(
      '/tmp/me.yml',
    );
  });

  it('has people who are in the example config', () => {
    const example = readFileSync(join(root, 'src/config/tasa.example.yaml'), 'utf8');
    expect(example).toContain(`teams: ${persona('contact').currentUser.id}`);
    expect(example).toContain(`email: ${persona('coordinator').currentUser.email}`);
  });

  describe('the real Playground', () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    async function freePort(): Promise<number> {
      const server = createServer().listen(0);
      await new Promise((ready) => server.once('listening', ready));
      const { port } = server.address() as AddressInfo;
      await new Promise((closed) => server.close(closed));
      return port;
    }

    /** A stand-in for Tasa: records what reaches /api/messages and answers 200. */
    async function fakeBot() {
      const activities: Record<string, unknown>[] = [];
      let arrived: () => void = () => undefined;
      const message = new Promise<void>((resolve) => (arrived = resolve));
      const server = createServer((request: IncomingMessage, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString()));
        request.on('end', () => {
          if (body) {
            const activity = JSON.parse(body) as Record<string, unknown>;
            activities.push(activity);
            if (activity['type'] === 'message') arrived();
          }
          response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        });
      }).listen(0);
      await new Promise((ready) => server.once('listening', ready));
      cleanups.push(() => new Promise((closed) => server.close(() => closed())));
      return { port: (server.address() as AddressInfo).port, activities, message };
    }

    it.each(['contact', 'coordinator'])(
      'lets you write to Tasa as the example config’s %s',
      async (name) => {
        const bot = await fakeBot();
        const playgroundPort = await freePort();
        const launch = playgroundLaunch({ port: bot.port, as: name, root, env: process.env });
        const child = spawn(process.execPath, [...launch.args, '--port', String(playgroundPort)], {
          env: {
            ...launch.env,
            TEAMSAPPTESTER_BROWSER: 'none',
            M365_AGENTS_PLAYGROUND_LOGFILE: join(
              mkdtempSync(join(tmpdir(), 'tasa-playground-')),
              'log',
            ),
          },
          stdio: 'ignore',
        });
        cleanups.push(async () => {
          if (child.exitCode === null) {
            const exited = new Promise((done) => child.once('exit', done));
            child.kill('SIGTERM');
            await exited;
          }
        });
        const playground = `http://localhost:${String(playgroundPort)}`;
        for (let tries = 0; ; tries++) {
          const up = await fetch(playground).then(
            (r) => r.ok,
            () => false,
          );
          if (up) break;
          if (tries > 100) throw new Error('the Playground did not start');
          await new Promise((wait) => setTimeout(wait, 100));
        }

        const me = persona(name);
        const chat = encodeURIComponent(me.personalChat.id);
        const sent = await fetch(`${playground}/_conversation/v1/conversations/${chat}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            text: 'help',
            textFormat: 'plain',
            from: { id: me.currentUser.id },
          }),
        });
        expect(sent.status).toBe(200);
        await bot.message;

        const activity = bot.activities.find((a) => a['type'] === 'message')!;
        expect(activity).toMatchObject({
          text: 'help',
          channelId: 'msteams',
          from: { id: me.currentUser.id, aadObjectId: me.currentUser.aadObjectId },
          conversation: { conversationType: 'personal' },
        });
        // What Tasa's member lookup sees when the config names the person by e-mail.
        const serviceUrl = String(activity['serviceUrl']).replace(/\/$/, '');
        const member = await fetch(
          `${serviceUrl}/v3/conversations/${chat}/members/${encodeURIComponent(me.currentUser.id)}`,
        );
        expect(await member.json()).toMatchObject({
          id: me.currentUser.id,
          email: me.currentUser.email,
          userPrincipalName: me.currentUser.email,
        });
      },
    );
  });
});
