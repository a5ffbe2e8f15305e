import { cruise, type ICruiseResult } from 'dependency-cruiser';
import config from './dependency-cruiser.ts';

/**
 * Cruises `src/` under `baseDir` with the same rules and options as `depcruise` in
 * `npm run lint`, so the folder check and the tests see exactly the graph the rules see.
 */
export async function cruiseSources(baseDir: string): Promise<ICruiseResult> {
  const { output } = await cruise(['src'], {
    ...config.options,
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden ?? [] },
  });
  if (typeof output === 'string')
    throw new Error('dependency-cruiser returned a report, not a result');
  return output;
}
