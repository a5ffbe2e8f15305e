/** A separate process that tries to claim one key: prints "won" or "lost". */
import { openStore } from '../../src/store/open.ts';
import { systemClock } from '../../src/shared/clock.ts';

const [url, key, startAt] = process.argv.slice(2);
const store = openStore({ url, dataDir: '.', namespace: 'race', clock: systemClock });
await store.ping();
// Everyone starts at the same moment, so the claims really race.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
const claim = await store.claim(key ?? 'k', 60_000);
process.stdout.write(claim ? 'won' : 'lost');
await store.close();
