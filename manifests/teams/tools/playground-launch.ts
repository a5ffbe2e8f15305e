/**
 * How `npm run playground` starts the Microsoft 365 Agents Playground (the
 * `agentsplayground` CLI of @microsoft/m365agentsplayground): against Tasa's
 * own endpoint, as Teams, as a person from the example config, and with
 * telemetry off. Kept apart from the entry point so tests can check it.
 */
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';

/** The people of src/config/tasa.example.yaml, one Playground config each. */
export const personas = ['contact', 'coordinator'] as const;

export interface PlaygroundOptions {
  /** Tasa's HTTP port (`PORT`). */
  readonly port: number;
  /** `contact`, `coordinator`, or a path to a Playground config file of your own. */
  readonly as: string;
  /** The repository root. */
  readonly root: string;
  /** The environment to start from. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface PlaygroundLaunch {
  readonly args: string[];
  readonly env: Record<string, string>;
  readonly endpoint: string;
  readonly configFile: string;
}

/** The CLI script, run with this same Node rather than through a shell or npx. */
export const playgroundCli = createRequire(import.meta.url).resolve(
  '@microsoft/m365agentsplayground/cli.js',
);

export function playgroundLaunch(options: PlaygroundOptions): PlaygroundLaunch {
  const { port, as, root } = options;
  const persona = (personas as readonly string[]).includes(as) ? as : undefined;
  const configFile = persona
    ? resolve(root, 'manifests/teams/playground', `${persona}.yml`)
    : isAbsolute(as)
      ? as
      : resolve(as);
  const endpoint = `http://localhost:${String(port)}/api/messages`;
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.env)) if (value !== undefined) env[key] = value;
  Object.assign(env, {
    // Who “you” are in the chat: the Playground has no user switcher, its
    // config file decides (https://aka.ms/teams-app-test-tool-config-guide).
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
    // Its log goes to ./devTools/ by default; keep it with Tasa's other local data.
    M365_AGENTS_PLAYGROUND_LOGFILE:
      env['M365_AGENTS_PLAYGROUND_LOGFILE'] ??
      resolve(root, 'data/playground', `${persona ?? 'custom'}.log`),
    // --disable-telemetry only stops its own events: the Application Insights
    // client it starts anyway would still send heartbeats, statsbeat and
    // exceptions. These switch that client off as well.
    APPLICATIONINSIGHTS_CONFIGURATION_CONTENT: JSON.stringify({
      disableAppInsights: true,
      disableStatsbeat: true,
    }),
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
  });
  return {
    args: [
      playgroundCli,
      '--app-endpoint',
      endpoint,
      '--channel-id',
      'msteams',
      '--disable-telemetry',
    ],
    env,
    endpoint,
    configFile,
  };
}
