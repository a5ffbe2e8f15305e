import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTeamsTasa, users, waitFor } from './harness.ts';

let world: Awaited<ReturnType<typeof startTeamsTasa>>;

beforeEach(async () => {
  world = await startTeamsTasa();
});
afterEach(async () => {
  await world.stop();
});

describe('a forged Teams card button', () => {
  it('naming another department’s question opens no form and shows none of its answers', async () => {
    for (const user of [users.coordinator, users.eeva, users.kalle])
      await world.person(user).install();
    await world
      .person(users.coordinator)
      .say('cycle start 2027-Q1 15.2.2027', 'Cycle 2027-Q1 is open');
    const eeva = world.person(users.eeva);
    await waitFor(() => eeva.texts().some((t) => t.includes('Start')));
    await eeva.click('Start');
    await eeva.click('Explain and add evidence');
    await eeva.submit({ status: 'partly', explanation: 'Only education may read this.' });

    const kalle = world.person(users.kalle);
    const before = kalle.cards().length;
    const where = { cycle: '2027-Q1', department: 'education' };
    for (const tasa of [
      { kind: 'explain', ...where, question: 'KF01.Q1', revision: 1 },
      { kind: 'back', ...where, question: 'KF01.Q2' },
    ]) {
      const calls = world.connector.calls.length;
      await world.post({ ...kalle.message(), value: { tasa } });
      await waitFor(() => world.connector.calls.length > calls);
    }
    await waitFor(() => kalle.cards().length >= before + 2);
    const shown = kalle.texts().slice(before);
    expect(shown).toHaveLength(2);
    for (const text of shown) {
      expect(text).toContain('Only the contacts of Education can answer for it.');
      expect(text).not.toContain('Only education may read this');
    }
  });
});
