import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Action } from '../../src/chat/actions.ts';
import type { FormValues } from '../../src/chat/actor.ts';
import type { Reply, ReplicaOptions, Request } from './protocol.ts';

const script = fileURLToPath(new URL('./replica.ts', import.meta.url));

type Pending = { resolve: (reply: Reply) => void; reject: (error: Error) => void };
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** A replica process and a typed, promise-based line to it. */
export interface Replica {
  name: string;
  child: ChildProcess;
  /** What it wrote to stderr: its warnings and errors, shown when a test fails. */
  log: string[];
  /** Resolves when the process has exited, with its exit code or signal. */
  exited: Promise<string>;
  tick(at: Date): Promise<void>;
  action(
    at: Date,
    person: string,
    action: Action,
    interaction: string,
  ): Promise<Extract<Reply, { type: 'acted' }>>;
  form(
    at: Date,
    person: string,
    context: Action,
    values: FormValues,
    interaction: string,
  ): Promise<Extract<Reply, { type: 'acted' }>>;
  stop(): Promise<void>;
  kill(): void;
  /** Undefined while it runs; else how it ended, with the start of its log. */
  death(): string | undefined;
}

export async function startReplica(options: ReplicaOptions): Promise<Replica> {
  const child = fork(script, [JSON.stringify(options)], {
    execPath: process.execPath,
    execArgv: ['--experimental-strip-types', '--no-warnings'],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  const log: string[] = [];
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => log.push(...chunk.split('\n').filter(Boolean)));
  const pending = new Map<number, Pending>();
  let nextId = 1;
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      const how = signal ?? `exit ${code}`;
      for (const { reject } of pending.values())
        reject(
          new Error(`${options.name} ended (${how}) before answering; log:\n${log.join('\n')}`),
        );
      pending.clear();
      resolve(how);
    }),
  );
  let ready!: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  child.on('message', (reply: Reply) => {
    if (reply.type === 'ready') return ready();
    pending.get(reply.id)?.resolve(reply);
    pending.delete(reply.id);
  });
  await Promise.race([
    started,
    exited.then((how) => {
      throw new Error(`${options.name} did not start (${how}):\n${log.join('\n')}`);
    }),
  ]);

  const ask = (request: WithoutId<Request>): Promise<Reply> =>
    new Promise((resolve, reject) => {
      if (!child.connected)
        return reject(new Error(`${options.name} is gone; log:\n${log.join('\n')}`));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ ...request, id });
    });

  return {
    name: options.name,
    child,
    log,
    exited,
    tick: async (at) => {
      await ask({ type: 'tick', at: at.toISOString() });
    },
    action: async (at, person, action, interaction) =>
      (await ask({
        type: 'action',
        at: at.toISOString(),
        person,
        action,
        interaction,
      })) as Extract<Reply, { type: 'acted' }>,
    form: async (at, person, context, values, interaction) =>
      (await ask({
        type: 'form',
        at: at.toISOString(),
        person,
        context,
        values,
        interaction,
      })) as Extract<Reply, { type: 'acted' }>,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // A replica stuck on an unreachable store is not waited for long.
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await ask({ type: 'stop' }).catch(() => undefined);
      await exited;
      clearTimeout(timer);
    },
    kill: () => {
      child.kill('SIGKILL');
    },
    death: () =>
      child.exitCode === null && child.signalCode === null
        ? undefined
        : `${options.name} ended (${child.signalCode ?? `exit ${child.exitCode}`}):\n${log.slice(0, 12).join('\n')}`,
  };
}

/** Starts replicas one after another (each connects to the store on its own). */
export async function startFleet(
  count: number,
  options: Omit<ReplicaOptions, 'name'>,
  prefix = 'r',
): Promise<Replica[]> {
  const replicas: Replica[] = [];
  for (let i = 1; i <= count; i++)
    replicas.push(await startReplica({ ...options, name: `${prefix}${i}` }));
  return replicas;
}

/** Stops what is still running; a replica that was killed is left as it is. */
export const stopAll = (replicas: readonly Replica[]): Promise<unknown> =>
  Promise.all(replicas.map((r) => r.stop().catch(() => r.kill())));

export const MINUTE = 60_000;

/**
 * Ticks every replica for every minute in (from, to], all replicas at once
 * for each minute, as they would run side by side; the next minute starts
 * when every replica is done with this one.
 */
export async function tickMinutes(
  replicas: readonly Replica[],
  from: Date,
  to: Date,
  between?: (at: Date) => Promise<void>,
): Promise<void> {
  for (let t = from.getTime() + MINUTE; t <= to.getTime(); t += MINUTE) {
    const at = new Date(t);
    await Promise.all(replicas.map((r) => r.tick(at)));
    await between?.(at);
  }
}
