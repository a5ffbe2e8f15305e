import { describe, it } from 'vitest';
import type { Service } from './city.ts';
import { departments, fanOutAndKill, finish, nine, verdict } from './crash-run.ts';
import { startReplica, stopAll } from './fleet.ts';

/** A replica killed with SIGKILL in the middle of a 300-department fan-out. */
export function crashTests(service: Service): void {
  describe('a replica killed in a 300-department fan-out', () => {
    // Redis expires the dead replica's send claim after 20 s of real time.
    const timeoutMs = service.name === 'Redis' ? 60_000 : 30_000;

    it(
      'is finished by the two survivors: every department asked once, no gap, no duplicate',
      async ({ expect }) => {
        const label = `${service.name.toLowerCase()}-survivors`;
        const run = await fanOutAndKill(service.url!, 3, label);
        try {
          const survivors = run.replicas.filter((r) => r !== run.killed.replica);
          await finish(survivors, run.shared.outbox, timeoutMs);
          const result = verdict(run.collector.messages, run.killed.replica.name);
          report(service.name, 'survivors', run.killed.afterMs, result);
          expect(result.missing).toEqual([]);
          expect(result.twice).toEqual({});
        } finally {
          await stopAll(run.replicas);
          await run.collector.close();
          await run.shared.store.close();
        }
      },
      timeoutMs + 60_000,
    );

    it(
      'is finished by a fresh replica started alone after the only one was killed: no gap, no duplicate',
      async ({ expect }) => {
        const label = `${service.name.toLowerCase()}-restart`;
        const run = await fanOutAndKill(service.url!, 1, label);
        const restarted = await startReplica({
          ...run.options,
          name: `${label}-restarted`,
          start: nine.toISOString(),
        });
        try {
          await finish([restarted], run.shared.outbox, timeoutMs);
          const result = verdict(run.collector.messages, run.killed.replica.name);
          report(service.name, 'restart', run.killed.afterMs, result);
          expect(result.missing).toEqual([]);
          expect(result.twice).toEqual({});
          expect(run.collector.messages.some((m) => m.replica === restarted.name)).toBe(true);
        } finally {
          await stopAll([...run.replicas, restarted]);
          await run.collector.close();
          await run.shared.store.close();
        }
      },
      timeoutMs + 60_000,
    );
  });
}

/** What happened to the message in flight at the kill: found at the platform, or sent after. */
function report(
  service: string,
  variant: string,
  afterMs: number,
  result: ReturnType<typeof verdict>,
) {
  const twice = Object.keys(result.twice);
  console.info(
    `[crash ${service} ${variant}] killed ${afterMs} ms after the 100th check-in arrived; ` +
      `${result.total} check-ins for ${departments} departments; ` +
      (twice.length
        ? `sent twice: ${twice.join(', ')}`
        : `nothing sent twice (the killed replica's last message: ${result.lastOfVictim ?? 'none'})`),
  );
}
