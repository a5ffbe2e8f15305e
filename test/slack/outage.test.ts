import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode, TasaError } from '../../src/shared/errors.ts';
import type { Store } from '../../src/store/store.ts';
import { waitFor } from '../helpers/fake-slack-api.ts';
import { directMessage, event } from '../helpers/slack-requests.ts';
import { signingSecret, startSlackTasa, state } from './harness.ts';

type Mode = 'up' | 'refusing' | 'hanging';

/** A store that can be taken away: refusing at once, or not answering at all. */
function failing(mode: { now: Mode }) {
  return (inner: Store): Store => {
    const away = <T>(call: () => Promise<T>): Promise<T> => {
      if (mode.now === 'up') return call();
      if (mode.now === 'hanging') return new Promise<T>(() => undefined);
      return Promise.reject(new TasaError(ErrorCode.StoreUnavailable, 'store get failed', {}));
    };
    return {
      ...inner,
      get: (key) => away(() => inner.get(key)),
      getMany: (keys) => away(() => inner.getMany(keys)),
      set: (key, value, ttl) => away(() => inner.set(key, value, ttl)),
      setMany: (entries) => away(() => inner.setMany(entries)),
      delete: (key) => away(() => inner.delete(key)),
      claim: (key, ttl) => away(() => inner.claim(key, ttl)),
      release: (claim) => away(() => inner.release(claim)),
    };
  };
}

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function explainFormOpen(mode: { now: Mode }) {
  const world = await startSlackTasa('2027-01-04T08:00:00Z', { store: failing(mode) });
  stop = () => world.stop();
  await world.person('UCOORD').command('cycle start 2027-Q1 15.2.2027');
  const eeva = world.person('UEDU1');
  await eeva.click('Start');
  const opened = world.slack.callsTo('views.open').length;
  await eeva.click('Explain and add evidence');
  await waitFor(() => world.slack.callsTo('views.open').length > opened);
  return { world, eeva };
}

const typed = {
  ...state.select('status', 'partly'),
  ...state.text('explanation', 'Written while the store was away.'),
  ...state.link(0, ''),
  ...state.link(1, ''),
  ...state.link(2, ''),
};

describe('with the store away', () => {
  it('answers a slash command, a direct message and a modal, in the organisation’s language', async () => {
    const mode: { now: Mode } = { now: 'up' };
    const { world, eeva } = await explainFormOpen(mode);
    mode.now = 'refusing';

    expect((await world.person('UCOORD').command('status')).reply).toContain('try again');

    const before = eeva.dms().length;
    await event(world.endpoint, signingSecret, {
      event: directMessage('UEDU1', 'my'),
      eventId: 'Ev0OUT',
    });
    await waitFor(() => eeva.dms().length > before);
    expect(eeva.lastText()).toContain('try again');

    const response = await eeva.submit(typed);
    const body = response.json() as { response_action?: string; errors?: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.values(body.errors ?? {}).join(' ')).toContain('try again');
  });

  it('keeps a modal open within Slack’s 3 seconds when the store does not answer at all', async () => {
    const mode: { now: Mode } = { now: 'up' };
    const { eeva } = await explainFormOpen(mode);
    mode.now = 'hanging';
    const started = performance.now();
    const response = await eeva.submit(typed);
    expect(performance.now() - started).toBeLessThan(3_000);
    const body = response.json() as { response_action?: string; errors?: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.values(body.errors ?? {}).join(' ')).toContain('try again');
    mode.now = 'up';
  });
});
