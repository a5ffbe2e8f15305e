/** The crash scenario, shared by crash.ts (the tests) and measure-crash.ts (how often). */
import { cityYaml, duplicates, freshNamespace, identity, openQuarter, openShared } from './city.ts';
import { startCollector, type Collected } from './collector.ts';
import { MINUTE, startFleet, type Replica } from './fleet.ts';

export const departments = 300;
/** Tuesday 9 March 2027, 9:00 in Helsinki: the daily check-in fans out to every department. */
export const nine = new Date('2027-03-09T07:00:00Z');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A 300-department fan-out on a slow platform (5–20 ms a message); a few
 * milliseconds after the 100th check-in has arrived, its sender is killed
 * with SIGKILL. Returns the replicas and which one was killed.
 */
export async function fanOutAndKill(url: string, count: number, label: string) {
  const namespace = freshNamespace(label);
  const yaml = cityYaml(departments);
  const shared = openShared(url, namespace, nine);
  await openQuarter(shared.store, yaml);
  let checkIns = 0;
  let killed: { replica: Replica; afterMs: number } | undefined;
  const collector = await startCollector({
    delayMs: () => 5 + Math.random() * 15,
    onMessage: (message) => {
      if (!identity(message).startsWith('checkIn') || ++checkIns !== 100) return;
      // A random moment: waiting for the platform, writing to the store, or between sends.
      const afterMs = Math.round(Math.random() * 25);
      const replica = replicas.find((r) => r.name === message.replica)!;
      setTimeout(() => {
        replica.kill();
        killed = { replica, afterMs };
      }, afterMs);
    },
  });
  const options = { storeUrl: url, namespace, config: yaml, collector: collector.url };
  const replicas = await startFleet(
    count,
    { ...options, start: new Date(nine.getTime() - MINUTE).toISOString() },
    `${label}-r`,
  );

  // Every replica takes part: the 9:00 tick, then draining again at 9:00 until the kill.
  const deadline = Date.now() + 60_000;
  await Promise.all(
    replicas.map(async (replica) => {
      try {
        await replica.tick(nine);
        while (!killed && Date.now() < deadline) {
          await pause(20);
          await replica.tick(nine);
        }
      } catch {
        // The killed replica's tick never answers.
      }
    }),
  );
  if (!killed) throw new Error('nobody was killed: the fan-out ended before 100 messages?');
  await killed.replica.exited;
  return { shared, collector, replicas, killed, options };
}

/**
 * Ticks the given replicas minute after minute, a second apart, until the
 * outbox is empty. On PostgreSQL a claim expires by the replicas' clock, so
 * two driven minutes free the killed replica's item; on Redis the server
 * expires it (PX) after 20 s of real time, whatever the clock says.
 */
export async function finish(
  replicas: readonly Replica[],
  outbox: { backlog(): Promise<number> },
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (let minute = 1; ; minute++) {
    await Promise.all(replicas.map((r) => r.tick(new Date(nine.getTime() + minute * MINUTE))));
    if ((await outbox.backlog()) === 0) return;
    if (Date.now() > deadline) throw new Error(`backlog left: ${await outbox.backlog()}`);
    await pause(1_000);
  }
}

/** No gap; a duplicate only of the one message the killed replica may have had at the platform. */
export function verdict(messages: readonly Collected[], victim: string) {
  const checkIns = messages.filter((m) => identity(m).startsWith('checkIn'));
  const recipients = new Set(checkIns.map((m) => m.to.id));
  const missing = Array.from({ length: departments }, (_, i) => `UD${i}A`).filter(
    (id) => !recipients.has(id),
  );
  const twice = duplicates(checkIns.map(identity));
  const last = [...messages].reverse().find((m) => m.replica === victim);
  return {
    missing,
    twice,
    lastOfVictim: last ? identity(last) : undefined,
    total: checkIns.length,
  };
}
