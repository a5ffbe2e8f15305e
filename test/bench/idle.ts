/**
 * Benchmark (c): the resident memory of an idle bot. The real entry point runs
 * in a child process on the example config and the embedded SQLite store in a
 * fresh data folder, with Slack in HTTP mode against the fake Slack API and
 * NODE_ENV=production, as the Docker image runs it.
 *
 * By default it runs what the image runs: the Dockerfile's CMD (its node
 * flags and entry point) and the variables its final stage sets with ENV. An
 * entry point in dist/ is the compiled JavaScript (`npm run build`), built
 * afresh into a temporary folder laid out as the image is (dist/,
 * package.json, node_modules, locales); one in src/ is the TypeScript itself
 * under type stripping, as `npm start` runs it. `entry` picks either one
 * instead, without the image's flags.
 *
 * Once it serves (/readyz answers 200) it is left alone for `idleMs`, then its
 * VmRSS is read from /proc. Finally it gets SIGTERM, and the time it takes to
 * exit is noted (the issue asks for under 10 s).
 *
 * Run on its own, it measures the image's command, then the compiled and the
 * type-stripped entry point with no flags, a few times each:
 *   node test/bench/idle.ts [--runs 3] [--idle-ms 5000] [--dockerfile <file>] [-- <more node flags>]
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startFakeSlackApi } from '../helpers/fake-slack-api.ts';

export type IdleEntry = 'compiled' | 'source';

export interface IdleOptions {
  idleMs: number;
  /** The Docker image's command and environment (the default), or one entry point as is. */
  entry?: IdleEntry | 'image';
  /** More node and V8 flags for the bot, e.g. ['--max-semi-space-size=2']. */
  nodeArgs?: readonly string[];
  /** A build from buildForImage to reuse; without one, a run that needs one builds its own. */
  build?: Build;
  /** The image to follow, for a what-if; the project's Dockerfile by default. */
  dockerfile?: string;
}

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
  entry: IdleEntry;
  /** How the bot was started, for the report: e.g. `node dist/main.js`. */
  command: string;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const exampleConfig = join(root, 'src/config/tasa.example.yaml');

/** How the Docker image starts Tasa. */
export interface ImageCommand {
  entry: IdleEntry;
  /** The node flags of its CMD, before the entry point. */
  nodeArgs: string[];
  /** What its final stage sets with ENV. */
  env: Record<string, string>;
}

/**
 * Reads the Dockerfile: the last CMD (exec form, `["node", …flags, entry]`)
 * and the ENV lines after the last FROM (`KEY=value` pairs).
 */
export function imageCommand(dockerfile = join(root, 'Dockerfile')): ImageCommand {
  const instructions = readFileSync(dockerfile, 'utf8')
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim());
  const finalStage = instructions.slice(instructions.findLastIndex((l) => /^FROM\s/i.test(l)));
  const cmd = finalStage.findLast((l) => /^CMD\s/i.test(l));
  const args = cmd ? (JSON.parse(cmd.slice(3)) as unknown) : undefined;
  if (!Array.isArray(args) || args[0] !== 'node' || !args.every((a) => typeof a === 'string'))
    throw new Error(`the Dockerfile's CMD is not ["node", …]: ${cmd}`);
  const script = args.at(-1) as string;
  const entry =
    script === 'dist/main.js' ? 'compiled' : script === 'src/main.ts' ? 'source' : undefined;
  if (!entry)
    throw new Error(`the Dockerfile's CMD starts ${script}, not dist/main.js or src/main.ts`);
  const env: Record<string, string> = {};
  for (const line of finalStage.filter((l) => /^ENV\s/i.test(l)))
    for (const [, key, value] of line.slice(3).matchAll(/([A-Za-z_][\w]*)=("[^"]*"|\S*)/g))
      env[key!] = value!.replace(/^"(.*)"$/, '$1');
  return {
    entry,
    // The type-stripping flag is the source entry's own; the rest are the image's choice.
    nodeArgs: (args.slice(1, -1) as string[]).filter((a) => a !== '--experimental-strip-types'),
    env,
  };
}

/** A compiled Tasa in a temporary folder, laid out as the Docker image is. */
export interface Build {
  dir: string;
  main: string;
  seconds: number;
  remove(): void;
}

/**
 * Compiles src/ with the project's build config into `<tmp>/dist`, next to a
 * copy of package.json (it makes the .js files ES modules) and links to
 * node_modules and locales, which the compiled code finds by relative path
 * as it does in the image.
 */
export async function buildForImage(): Promise<Build> {
  const dir = mkdtempSync(join(tmpdir(), 'tasa-build-'));
  const started = performance.now();
  try {
    await promisify(execFile)(
      process.execPath,
      [
        join(root, 'node_modules/typescript/bin/tsc'),
        '-p',
        join(root, '.config/tsconfig.build.json'),
        '--outDir',
        join(dir, 'dist'),
      ],
      { cwd: root, maxBuffer: 1 << 24 },
    ).catch((error: unknown) => {
      // Type errors elsewhere in a working tree still emit the JavaScript; only a missing entry is fatal.
      if (!existsSync(join(dir, 'dist/main.js'))) throw error;
    });
    copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    symlinkSync(join(root, 'locales'), join(dir, 'locales'), 'dir');
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    main: join(dir, 'dist/main.js'),
    seconds: (performance.now() - started) / 1000,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A /proc/<pid>/status field in MB (Linux reports kB). */
function procStatusMb(pid: number, field: string): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  const kb = Number(/(\d+)\s*kB/.exec(line ?? '')?.[1]);
  return kb / 1024;
}

export async function idleBench(options: IdleOptions): Promise<IdleResult> {
  const image =
    (options.entry ?? 'image') === 'image' ? imageCommand(options.dockerfile) : undefined;
  const entry = image?.entry ?? (options.entry as IdleEntry);
  const nodeArgs = [...(image?.nodeArgs ?? []), ...(options.nodeArgs ?? [])];
  const build = entry === 'compiled' ? (options.build ?? (await buildForImage())) : undefined;
  const slack = await startFakeSlackApi();
  const dir = mkdtempSync(join(tmpdir(), 'tasa-idle-'));
  const env: Record<string, string> = {
    // The image's variables (NODE_ENV, and any that tune memory such as MALLOC_ARENA_MAX) …
    ...image?.env,
    // … with the bench's own set-up over them.
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    TASA_CONFIG: exampleConfig,
    TASA_DATA_DIR: dir,
    PORT: '0',
    LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 'bench-signing-secret',
    SLACK_API_URL: `${slack.url}/api/`,
    // As the Docker image sets it. Teams stays off: no credentials.
    NODE_ENV: 'production',
  };
  // As the Docker image (compiled) and `npm start` (source) run it.
  const args =
    entry === 'compiled'
      ? [...nodeArgs, build!.main]
      : ['--experimental-strip-types', ...nodeArgs, join(root, 'src/main.ts')];
  const variables = Object.entries(image?.env ?? {})
    .filter(([name]) => !['NODE_ENV', 'PORT', 'TASA_DATA_DIR'].includes(name))
    .map(([name, value]) => `${name}=${value} `)
    .join('');
  const command = `${variables}node ${[...args.slice(0, -1), entry === 'compiled' ? 'dist/main.js' : 'src/main.ts'].join(' ')}`;
  const started = performance.now();
  const child = spawn(process.execPath, args, {
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
      const logged = JSON.parse(line) as { msg?: string; port?: number; platforms?: string[] };
      if (logged.msg === 'tasa started') {
        port = logged.port;
        platforms = logged.platforms ?? [];
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
      entry,
      command,
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
    if (build && !options.build) build.remove();
  }
}

if (import.meta.main) {
  const argv = process.argv.slice(2);
  const split = argv.indexOf('--');
  const own = split < 0 ? argv : argv.slice(0, split);
  const nodeArgs = split < 0 ? [] : argv.slice(split + 1);
  const option = (name: string, fallback: number): number => {
    const at = own.indexOf(name);
    return at < 0 ? fallback : Number(own[at + 1]);
  };
  const dockerfile = own.includes('--dockerfile')
    ? own[own.indexOf('--dockerfile') + 1]
    : undefined;
  const runs = option('--runs', 3);
  const idleMs = option('--idle-ms', 5_000);
  const build = await buildForImage();
  try {
    process.stdout.write(`built in ${build.seconds.toFixed(1)} s\n`);
    for (const entry of ['image', 'compiled', 'source'] as const) {
      const results: IdleResult[] = [];
      for (let i = 0; i < runs; i++)
        results.push(
          await idleBench({
            idleMs,
            entry,
            nodeArgs,
            build,
            ...(dockerfile ? { dockerfile } : {}),
          }),
        );
      const list = (pick: (r: IdleResult) => string): string => results.map(pick).join(', ');
      process.stdout.write(
        `${entry === 'image' ? 'the image: ' : ''}${results[0]!.command}: VmRSS ${list((r) => r.rssMb.toFixed(0))} MB; ` +
          `peak ${list((r) => r.peakRssMb.toFixed(0))} MB; ready in ${list((r) => r.startSeconds.toFixed(1))} s\n`,
      );
    }
  } finally {
    build.remove();
  }
}
