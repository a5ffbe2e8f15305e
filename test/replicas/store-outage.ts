import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, it } from 'vitest';
import type { Service } from './city.ts';

const probe = fileURLToPath(new URL('./store-probe.ts', import.meta.url));
const run = promisify(execFile);

/**
 * The ground the outage tests stand on: while the server cannot be reached,
 * every operation fails fast with StoreUnavailable. A read must never answer
 * "nothing there", and a write never "done", when the server did not answer:
 * the engine would act on an empty record and report the person's answer as
 * saved, or write an empty record over a department's answers once it is back.
 */
export function unreachableStoreTests(service: Service): void {
  describe('the store, unreachable', () => {
    it('says so: reads, writes and claims are refused with StoreUnavailable within 5 s', async ({
      expect,
    }) => {
      const { stdout } = await run(
        process.execPath,
        ['--experimental-strip-types', '--no-warnings', probe, service.url!],
        { timeout: 60_000 },
      ).catch((error: { stdout?: string; stderr?: string; code?: number }) => {
        throw new Error(
          `the probe died (${error.code}): ${(error.stderr ?? '').split('\n').slice(0, 8).join('\n')}`,
        );
      });
      const result = JSON.parse(stdout) as {
        during: { set: string };
        after: { writtenDuring: string };
      };
      expect(result).toEqual({
        before: 'resolved {"answers":{"Q1":"yes"}}',
        during: {
          get: 'rejected store_unavailable',
          set: 'rejected store_unavailable',
          claim: 'rejected store_unavailable',
        },
        after: {
          record: 'resolved {"answers":{"Q1":"yes"}}',
          // A write is refused and absent, or reported done and there: never "done" and missing.
          writtenDuring: result.during.set.startsWith('rejected')
            ? 'resolved null'
            : 'resolved {"answers":{"Q2":"no"}}',
        },
      });
    }, 90_000);
  });
}
