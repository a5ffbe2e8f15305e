/**
 * Benchmark (b): how fast Tasa acknowledges slash commands when 50 arrive at
 * once, on the 150,000-answer store.
 *
 * Tasa runs in its own process (serve.ts) on the SQLite file the reports
 * benchmark's generator writes. This process plays Slack: it sends 50 signed
 * `/tasa …` requests at the same moment (half `/tasa status` from the
 * coordinator, which reads the 250 departments' summaries of the open cycle and
 * the action plan's summary of its 10,000 items; half `/tasa my` from
 * department contacts)
 * and times each until its HTTP 200, the acknowledgement Slack waits at most
 * 3 s for. The reply that follows on the response_url is timed too
 * (information: Slack allows 30 minutes for it).
 *
 * Rounds come in two kinds, because they behave differently: over kept-alive
 * connections (as behind a load balancer that pools them) a request is read
 * as soon as it arrives; on a new connection per request (as Slack's own
 * requests, or a proxy that does not pool, arrive) Tasa must first accept
 * the connection and then read it, each a turn of an event loop that may
 * already be busy with the commands before. The first round, right after
 * start-up, is on new connections; it opens the pooled ones for the
 * kept-alive rounds that follow at once (the server closes idle ones after
 * 5 s), then the new-connection rounds.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startFakeSlackApi } from '../helpers/fake-slack-api.ts';
import { signature, slashCommandBody } from '../helpers/slack-requests.ts';

export interface Latencies {
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

export interface CommandResult {
  concurrency: number;
  /** Rounds of each kind. */
  rounds: number;
  /** Acknowledgement (HTTP 200) in ms, by kind of round. */
  ack: { pooled: Latencies; fresh: Latencies; first: Latencies };
  /** The reply on the response_url, ms after the request was sent, all rounds but the first. */
  reply: Latencies;
  firstReply: Latencies;
  /**
   * Tasa's event-loop delay, from just before a round to just after its last
   * reply: the longest and the 99th percentile over all rounds but the first,
   * and in the first.
   */
  stallMs: number;
  stallP99Ms: number;
  firstStallMs: number;
  firstStallP99Ms: number;
  /**
   * Processor time Tasa spent per command, all rounds but the first, and in the
   * first: steadier than latencies on a machine shared with other work.
   */
  cpuMsPerCommand: number;
  firstCpuMsPerCommand: number;
  /** Requests not answered 200, or whose reply never came. */
  failed: number;
  /** error-level lines Tasa logged. */
  errors: number;
}

const signingSecret = 'bench-signing-secret';

/** Nearest-rank percentile. */
const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;

export function latencies(values: readonly number[]): Latencies {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/**
 * A signed slash command as Slack sends it, on `agent`'s pooled connections or,
 * with `agent: false`, on a connection of its own. Resolves with the status
 * once the (empty) acknowledgement has been read, or 0 if the request failed.
 */
function post(url: URL, body: string, agent: Agent | false): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  return new Promise((resolve) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
          'X-Slack-Request-Timestamp': String(timestamp),
          'X-Slack-Signature': signature(signingSecret, timestamp, body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    // A failed request is counted, not thrown: the table says how many.
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

export async function commandBench(options: {
  /** The populated SQLite file (generate.ts's organisation). */
  file: string;
  logFile: string;
  concurrency: number;
  /** Rounds of each kind after the first. */
  rounds: number;
  log: (line: string) => void;
}): Promise<CommandResult> {
  const slack = await startFakeSlackApi();
  // The response_url of every command is its own path here, so each reply is matched to its request.
  const replies = new Map<string, number>();
  let onReply = (): void => {};
  const responses = createServer((req, res) => {
    const at = performance.now();
    req.resume();
    req.on('end', () => {
      replies.set(req.url ?? '', at);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
      onReply();
    });
  });
  await new Promise<void>((resolve) => responses.listen(0, '127.0.0.1', resolve));
  const responseBase = `http://127.0.0.1:${(responses.address() as AddressInfo).port}`;
  const pool = new Agent({ keepAlive: true, maxSockets: options.concurrency });

  const child = spawn(
    process.execPath,
    [
      '--experimental-strip-types',
      fileURLToPath(new URL('serve.ts', import.meta.url)),
      options.file,
      `${slack.url}/api/`,
      signingSecret,
      options.logFile,
    ],
    { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
  /**
   * The child's longest event-loop delay and its 99th percentile since the
   * previous call (with `keep`, since the last call without), and the
   * processor time it used since the previous call.
   */
  type Loop = { maxMs: number; p99Ms: number; cpuMs: number };
  const stalls = async (keep = false): Promise<Loop> => {
    const answer = once(child, 'message') as Promise<[Loop]>;
    child.send(keep ? 'stalls:keep' : 'stalls');
    return (await answer)[0];
  };
  try {
    const [line] = (await Promise.race([
      once(createInterface({ input: child.stdout! }), 'line'),
      once(child, 'exit').then(([code]) => {
        throw new Error(`serve.ts exited with ${String(code)} before it served`);
      }),
    ])) as [string];
    const { port } = JSON.parse(line) as { port: number };
    const endpoint = new URL(`http://127.0.0.1:${port}/slack/events`);

    let serial = 0;
    let failed = 0;
    const round = async (agent: Agent | false): Promise<{ ack: number[]; reply: number[] }> => {
      const sent = Array.from({ length: options.concurrency }, (_, i) => {
        const id = `/response/${++serial}`;
        // Alternate: a coordinator's status, then a department contact's own list.
        const status = i % 2 === 0;
        const user = status ? 'U0COORD1' : `U0D${String((i % 250) + 1).padStart(3, '0')}`;
        const fields = slashCommandBody(endpoint.href, {
          user,
          text: status ? 'status' : 'my',
          responseUrl: `${responseBase}${id}`,
        });
        return { id, body: new URLSearchParams(fields).toString() };
      });
      const start = performance.now();
      const acks = await Promise.all(
        sent.map(async ({ body }) => {
          const status = await post(endpoint, body, agent);
          if (status !== 200) failed++;
          return performance.now() - start;
        }),
      );
      // Every reply, or 30 s: a reply that never comes is counted, not waited for forever.
      const deadline = Date.now() + 30_000;
      while (sent.some((s) => !replies.has(s.id)) && Date.now() < deadline)
        await new Promise<void>((resolve) => {
          onReply = resolve;
          setTimeout(resolve, 100);
        });
      const reply: number[] = [];
      for (const s of sent) {
        const at = replies.get(s.id);
        if (at === undefined) failed++;
        else reply.push(at - start);
      }
      return { ack: acks, reply };
    };

    options.log(
      `slash commands: ${options.concurrency} at once (status and my, alternating); 1 round after start-up, ${options.rounds} on kept-alive and ${options.rounds} on new connections …`,
    );
    await stalls();
    // A new connection each, and they stay open in the pool for the kept-alive rounds.
    const first = await round(pool);
    const firstLoop = await stalls();
    const pooled: number[] = [];
    const fresh: number[] = [];
    const reply: number[] = [];
    let loop: Loop = { maxMs: Number.NaN, p99Ms: Number.NaN, cpuMs: 0 };
    let cpuMs = 0;
    for (const [kind, agent] of [
      [pooled, pool],
      [fresh, false],
    ] as const) {
      for (let r = 0; r < options.rounds; r++) {
        const measured = await round(agent);
        kind.push(...measured.ack);
        reply.push(...measured.reply);
        // Kept: the delays of all these rounds together.
        loop = await stalls(true);
        cpuMs += loop.cpuMs;
      }
    }
    child.kill('SIGTERM');
    await once(child, 'exit');
    // pino level 50 is error: a command that failed inside Tasa would be counted here.
    const errors = readFileSync(options.logFile, 'utf8')
      .split('\n')
      .filter((l) => l.includes('"level":50')).length;
    return {
      concurrency: options.concurrency,
      rounds: options.rounds,
      ack: { pooled: latencies(pooled), fresh: latencies(fresh), first: latencies(first.ack) },
      reply: latencies(reply),
      firstReply: latencies(first.reply),
      stallMs: loop.maxMs,
      stallP99Ms: loop.p99Ms,
      firstStallMs: firstLoop.maxMs,
      firstStallP99Ms: firstLoop.p99Ms,
      cpuMsPerCommand: cpuMs / (2 * options.rounds * options.concurrency),
      firstCpuMsPerCommand: firstLoop.cpuMs / options.concurrency,
      failed,
      errors,
    };
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    pool.destroy();
    responses.closeAllConnections();
    await new Promise<void>((resolve) => responses.close(() => resolve()));
    await slack.close();
  }
}
