/**
 * How often does a SIGKILL in the middle of a fan-out send a message twice?
 * Repeats the crash test's "restart" variant and counts. Not a test: run
 *   node --experimental-strip-types test/replicas/measure-crash.ts <store url> [rounds]
 * (PostgreSQL is quick; on Redis every round waits 20 s for the dead claim).
 */
import { fanOutAndKill, finish, nine, verdict } from './crash-run.ts';
import { startReplica, stopAll } from './fleet.ts';

const url = process.argv[2] ?? 'postgres://postgres@127.0.0.1:5432/test';
const rounds = Number(process.argv[3] ?? 10);
let twice = 0;
let gaps = 0;
for (let round = 1; round <= rounds; round++) {
  const run = await fanOutAndKill(url, 1, `measure-${round}`);
  const restarted = await startReplica({
    ...run.options,
    name: `measure-${round}-restarted`,
    start: nine.toISOString(),
  });
  await finish([restarted], run.shared.outbox, 200_000);
  const result = verdict(run.collector.messages, run.killed.replica.name);
  const duplicated = Object.keys(result.twice);
  if (duplicated.length) twice++;
  if (result.missing.length) gaps++;
  console.log(
    `round ${round}: killed ${run.killed.afterMs} ms after the 100th arrival; ` +
      `sent twice: ${duplicated.join(', ') || 'nothing'}; missing: ${result.missing.length}; ` +
      `only the victim's last message: ${duplicated.every((d) => d === result.lastOfVictim)}`,
  );
  await stopAll([...run.replicas, restarted]);
  await run.collector.close();
  await run.shared.store.close();
}
console.log(`${twice} of ${rounds} kills sent one message twice; ${gaps} left a gap.`);
process.exit(0);
