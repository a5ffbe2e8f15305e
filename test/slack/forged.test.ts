import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/fake-slack-api.ts';
import { blockAction } from '../helpers/slack-requests.ts';
import { signingSecret, startSlackTasa, state } from './harness.ts';

let world: Awaited<ReturnType<typeof startSlackTasa>>;

beforeEach(async () => {
  world = await startSlackTasa();
});
afterEach(async () => {
  await world.stop();
});

describe('a forged Slack button', () => {
  it('naming another department’s question opens no modal and shows none of its answers', async () => {
    await world.person('UCOORD').command('cycle start 2027-Q1 15.2.2027');
    const eeva = world.person('UEDU1');
    await eeva.click('Start');
    await eeva.click('Explain and add evidence');
    await waitFor(() => world.slack.callsTo('views.open').length === 1);
    await eeva.submit({
      ...state.select('status', 'partly'),
      ...state.text('explanation', 'Only education may read this.'),
      ...state.link(0, ''),
    });

    const kalle = world.person('UCULT1');
    await waitFor(() => kalle.dms().length === 1);
    const where = { cycle: '2027-Q1', department: 'education' };
    for (const forged of [
      { kind: 'explain', ...where, question: 'KF01.Q1', revision: 1 },
      { kind: 'back', ...where, question: 'KF01.Q2' },
    ]) {
      const before = kalle.dms().length;
      const response = await blockAction(world.endpoint, signingSecret, {
        user: 'UCULT1',
        actionId: 'tasa.forged',
        value: JSON.stringify(forged),
        messageTs: kalle.dms()[0]!.ts,
        channel: kalle.dms()[0]!.channel,
      });
      expect(response.status).toBe(200);
      await waitFor(() => kalle.dms().length > before);
      expect(kalle.lastText()).toBe('Only the contacts of Education can answer for it.');
    }
    expect(world.slack.callsTo('views.open')).toHaveLength(1);
    expect(kalle.texts().join('\n')).not.toContain('Only education may read this');
  });
});
