/**
 * Benchmark (c): the resident memory of an idle bot. The real entry point
 * (src/main.ts, started as the Docker image and `npm start` start it) runs in
 * a child process on the example config and the embedded SQLite store in a
 * fresh data folder, with Slack in HTTP mode against the fake Slack API and
 * NODE_ENV=production, as the Docker image runs it.
 * Once it serves (/readyz answers 200) it is left alone for `idleMs`, then its
 * VmRSS is read from /proc. Finally it gets SIGTERM, and the time it takes to
 * exit is noted (the issue asks for under 10 s).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startFakeSlackApi } from '../helpers/fake-slack-api.ts';

export interface IdleResult {
  /** VmRSS after the idle period, MB. */
  rssMb: number;
  /** VmHWM: the most it was resident at any time, start-up included, MB. */
  peakRssMb: number;
  /** From spawn until /readyz answered 200. */
  startSeconds: number;
  /** From SIGTERM until the process exited. */
  stopSeconds: number;
  exitCode: number | null;
  platforms: string[];
}

const mainTs = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const exampleConfig = fileURLToPath(new URL('../../src/config/tasa.example.yaml', import.meta.url));

/** A /proc/<pid>/status field in MB (Linux reports kB). */
function procStatusMb(pid: number, field: string): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  const kb = Number(/(\d+)\s*kB/.exec(line ?? '')?.[1]);
  return kb / 1024;
}

export async function idleBench(options: { idleMs: number }): Promise<IdleResult> {
  const slack = await startFakeSlackApi();
  const dir = mkdtempSync(join(tmpdir(), 'tasa-idle-'));
  const started = performance.now();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    TASA_CONFIG: exampleConfig,
    TASA_DATA_DIR: dir,
    PORT: '0',
    LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 'bench-signing-secret',
    SLACK_API_URL: `${slack.url}/api/`,
    // As the Docker image sets it. Teams stays off without its credentials, but its
    // modules are loaded all the same (app.ts imports them), so it costs about as much.
    NODE_ENV: 'production',
  };
  // As the Dockerfile's CMD and `npm start` run it.
  const child = spawn(process.execPath, ['--experimental-strip-types', mainTs], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    // pino logs JSON lines on stdout; "tasa started" carries the port it listens on.
    let port: number | undefined;
    let platforms: string[] = [];
    for await (const line of createInterface({ input: child.stdout })) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { msg?: string; port?: number; platforms?: string[] };
      if (entry.msg === 'tasa started') {
        port = entry.port;
        platforms = entry.platforms ?? [];
        break;
      }
    }
    if (port === undefined)
      throw new Error(`tasa exited before it started (code ${child.exitCode})`);
    // Keep reading, so a full pipe never blocks the child's logging.
    child.stdout.resume();
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    if (ready.status !== 200)
      throw new Error(`/readyz answered ${ready.status}: ${await ready.text()}`);
    const startSeconds = (performance.now() - started) / 1000;

    await new Promise((resolve) => setTimeout(resolve, options.idleMs));
    const pid = child.pid!;
    const rssMb = procStatusMb(pid, 'VmRSS');
    const peakRssMb = procStatusMb(pid, 'VmHWM');

    const stopping = performance.now();
    child.kill('SIGTERM');
    const [exitCode] = (await once(child, 'exit')) as [number | null];
    return {
      rssMb,
      peakRssMb,
      startSeconds,
      stopSeconds: (performance.now() - stopping) / 1000,
      exitCode,
      platforms,
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
