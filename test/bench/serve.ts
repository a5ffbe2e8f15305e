/**
 * Tasa on the benchmark's 150,000-answer SQLite file, as a process of its
 * own, for the slash-command benchmark (commands.ts). Run by that benchmark,
 * not by hand:
 *
 *   serve.ts <sqlite file> <fake Slack API url> <signing secret> <log file>
 *
 * Its own process, so the requests' timing is taken by a client that is not
 * waiting for the server's event loop, as Slack's would not. It is the real
 * startTasa (Bolt in HTTP mode on Tasa's server, the production WebClient
 * retry policy, pino logging at info level to a file), with the benchmark's
 * organisation and fixed "now", and no schedule: a scheduled job starting in
 * the middle would measure the job, not the commands.
 *
 * Prints `{"port": N}` on stdout when it serves; stops on SIGTERM. Over IPC
 * it answers `'stalls'` with the event loop's longest delay and 99th
 * percentile since the last question (a request cannot even be acknowledged
 * while the loop is blocked) and the processor time Tasa used meanwhile.
 * `'stalls:keep'` answers the same but keeps the delays, so that its delay
 * figures are those since the last `'stalls'` (several rounds together).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pino } from 'pino';
import { startTasa } from '../../src/app.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { openStore } from '../../src/store/open.ts';
import { benchNamespace, benchNow, organisation } from './generate.ts';

const [file, apiUrl, signingSecret, logFile] = process.argv.slice(2);
if (!file || !apiUrl || !signingSecret || !logFile)
  throw new Error('usage: serve.ts <sqlite file> <fake Slack API url> <signing secret> <log file>');

const clock = fixedClock(new Date(benchNow));
const logger = createLogger('info', pino.destination({ dest: logFile, sync: false }));
const tasa = await startTasa({
  config: organisation().config,
  store: openStore({ url: `sqlite://${file}`, dataDir: '.', namespace: benchNamespace, clock }),
  logger,
  clock,
  port: 0,
  slack: { mode: 'http', botToken: 'xoxb-bench', signingSecret, apiUrl },
  runSchedule: false,
});
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
let cpu = process.cpuUsage();
process.on('message', (message) => {
  if (message !== 'stalls' && message !== 'stalls:keep') return;
  const used = process.cpuUsage(cpu);
  cpu = process.cpuUsage();
  // The histogram is in nanoseconds, and each delay includes the 5 ms resolution itself.
  process.send?.({
    maxMs: loop.max / 1e6,
    p99Ms: loop.percentile(99) / 1e6,
    cpuMs: (used.user + used.system) / 1000,
  });
  if (message === 'stalls') loop.reset();
});
process.stdout.write(`${JSON.stringify({ port: tasa.port })}\n`);
process.once('SIGTERM', () => {
  loop.disable();
  void tasa.stop().then(() => process.exit(0));
});
