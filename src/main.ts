/**
 * The composition root: reads the environment once, validates it, and hands
 * typed configuration to everything else.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTasa } from './app.ts';
import { loadConfigFile } from './config/load.ts';
import { formatProblem } from './config/problems.ts';
import { parseEnvironment } from './env.ts';
import { createI18n, translatorFor } from './i18n/create.ts';
import { readResources } from './i18n/resources.ts';
import { createMetrics } from './metrics/metrics.ts';
import { systemClock } from './shared/clock.ts';
import { isTasaError } from './shared/errors.ts';
import { createLogger, type Logger } from './shared/logger.ts';
import { openStore } from './store/open.ts';
import { slackSettings } from './slack/settings.ts';
import { teamsSettings } from './teams/settings.ts';

const exampleConfig = fileURLToPath(new URL('./config/tasa.example.yaml', import.meta.url));

/**
 * The last resort for errors nothing else caught. A rejected promise is one
 * piece of work that failed (one request, one send): it is logged and Tasa
 * keeps serving everyone else, as Node's default (exit on the first one)
 * would let a single bad request stop it. An uncaught exception may have left
 * any state half-changed, so Tasa logs it and exits 1: the supervisor (Docker,
 * systemd, Kubernetes) starts a clean process, and the outbox resumes.
 */
function guardProcess(logger: Logger): void {
  process.on('unhandledRejection', (reason: unknown) => {
    logger.error({ err: reason }, 'unhandled rejection: logged, still serving');
  });
  process.on('uncaughtException', (error: Error) => {
    logger.error({ err: error }, 'uncaught exception: exiting so that a supervisor restarts Tasa');
    process.exit(1);
  });
}

async function main(): Promise<void> {
  const env = parseEnvironment(process.env);
  const logger = createLogger(env.LOG_LEVEL);
  guardProcess(logger);

  const configPath = env.TASA_CONFIG ?? './tasa.yaml';
  const useExample = env.TASA_CONFIG === undefined && !existsSync(configPath);
  if (useExample) {
    logger.warn(
      { example: exampleConfig },
      'no tasa.yaml found: running on the example config; copy it to tasa.yaml and edit it',
    );
  }
  const result = loadConfigFile(useExample ? exampleConfig : configPath);
  if (!result.ok) {
    const t = translatorFor(createI18n(readResources(), 'en'), 'en');
    for (const problem of result.problems)
      logger.error({ file: configPath }, formatProblem(t, problem));
    process.exitCode = 1;
    return;
  }
  const config = result.config;

  const slack = slackSettings(env);
  // Teams needs its registration, or TEAMS_LOCAL_DEV=1 for the Playground; off otherwise.
  const teams = teamsSettings(env);
  const store = openStore({
    url: env.TASA_STORE_URL,
    dataDir: env.TASA_DATA_DIR,
    namespace: config.organization.id,
    clock: systemClock,
  });

  const tasa = await startTasa({
    config,
    ...(useExample ? {} : { configFile: configPath }),
    store,
    logger,
    clock: systemClock,
    port: env.PORT,
    metrics: createMetrics({ logger }),
    sendConcurrency: env.TASA_SEND_CONCURRENCY,
    downloads: {
      ...(env.TASA_PUBLIC_URL ? { publicUrl: env.TASA_PUBLIC_URL } : {}),
      ...(env.TASA_DOWNLOAD_SECRET ? { secret: env.TASA_DOWNLOAD_SECRET } : {}),
    },
    ...(slack ? { slack } : {}),
    ...(teams ? { teams } : {}),
  });

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const deadline = setTimeout(() => process.exit(1), 10_000);
    deadline.unref();
    void tasa.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  const message = isTasaError(error) ? `${error.code}: ${error.message}` : String(error);
  console.error(`tasa could not start: ${message}`);
  process.exitCode = 1;
});
