/**
 * The limited Bot Connector in a process of its own, so that Tasa's work does
 * not delay when calls are seen to arrive (in one process, a busy event loop
 * hands the proxy several calls at once, a burst Teams would never see).
 * Answers on IPC: its URL once started, its record when asked.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startLimitedTeams, type TeamsAccepted } from './limited-teams.ts';

export interface TeamsRecord {
  accepted: TeamsAccepted[];
  refused: { conversation: number; tenant: number };
}

export interface RemoteLimitedTeams {
  url: string;
  record(): Promise<TeamsRecord>;
  close(): Promise<void>;
}

type FromChild = { url: string } | { record: TeamsRecord };

export async function startRemoteLimitedTeams(): Promise<RemoteLimitedTeams> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    execArgv: ['--experimental-strip-types', '--no-warnings'],
  });
  const next = () =>
    new Promise<FromChild>((resolve, reject) => {
      child.once('message', (message) => resolve(message as FromChild));
      child.once('error', reject);
    });
  const started = await next();
  if (!('url' in started)) throw new Error('the limited Bot Connector did not start');
  return {
    url: started.url,
    async record() {
      const answer = next();
      child.send('record');
      const got = await answer;
      if (!('record' in got)) throw new Error('no record from the limited Bot Connector');
      return got.record;
    },
    async close() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send('close');
      await exited;
    },
  };
}

if (process.argv.includes('--serve')) {
  const teams = await startLimitedTeams();
  process.on('message', (message) => {
    if (message === 'record')
      process.send?.({ record: { accepted: teams.accepted, refused: teams.refused } });
    if (message === 'close') void teams.close().then(() => process.exit(0));
  });
  process.send?.({ url: teams.url });
}
