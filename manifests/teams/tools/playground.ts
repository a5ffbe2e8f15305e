/**
 * `npm run playground [-- --as contact|coordinator|<config.yml>]`: chat with
 * the locally running Tasa (`TEAMS_LOCAL_DEV=1 npm start`) in the Microsoft 365 Agents
 * Playground, a local Teams emulator in the browser: no tenant, no Azure.
 * Reads PORT like Tasa does, so both agree on the endpoint.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { personas, playgroundLaunch } from './playground-launch.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

async function tasaAnswers(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://localhost:${String(port)}/healthz`, {
      signal: AbortSignal.timeout(1_500),
    });
    return response.ok;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { as: { type: 'string', default: 'contact' } } });
  const port = Number(process.env.PORT || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    console.error(`playground: PORT must be a port number (found “${String(process.env.PORT)}”)`);
    return 1;
  }
  const launch = playgroundLaunch({ port, as: values.as, root, env: process.env });
  if (!existsSync(launch.configFile)) {
    console.error(
      `playground: no Playground config “${values.as}”: use --as ${personas.join(' or --as ')}, or the path of a .yml file`,
    );
    return 1;
  }
  if (!(await tasaAnswers(port)))
    console.warn(
      `playground: Tasa does not answer on http://localhost:${String(port)} yet: start it with \`TEAMS_LOCAL_DEV=1 npm start\` in another terminal. ` +
        'TEAMS_LOCAL_DEV=1 runs Teams without authentication, which is what the Playground needs (and for nothing else).',
    );
  console.log(`playground: as ${values.as} (${launch.configFile}), talking to ${launch.endpoint}`);

  const child = spawn(process.execPath, launch.args, { stdio: 'inherit', env: launch.env });
  // Ctrl+C reaches the Playground through the terminal, so this wrapper only
  // waits for it to stop; a plain kill of the wrapper is passed on, so no
  // Playground is left behind.
  process.on('SIGINT', () => undefined);
  process.once('SIGTERM', () => child.kill('SIGTERM'));
  return new Promise((done) => {
    child.once('error', (error) => {
      console.error(`playground: could not start the Playground: ${error.message}`);
      done(1);
    });
    child.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

process.exitCode = await main();
