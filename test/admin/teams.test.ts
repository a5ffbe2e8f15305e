import { getRecord } from '../../src/checkins/record-repository.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTeamsTasa, users } from '../teams/harness.ts';
import { waitFor } from '../helpers/fake-bot-connector.ts';

let world: Awaited<ReturnType<typeof startTeamsTasa>>;

beforeEach(async () => {
  world = await startTeamsTasa();
  world.connector.addMember(kirsi);
});
afterEach(async () => {
  await world.stop();
});

/** A colleague not in tasa.yaml, found in the organisation's directory by the people picker. */
const kirsi = {
  id: '29:kirsi',
  name: 'Kirsi Kulttuuri',
  aadObjectId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
};

describe('administration in Teams', () => {
  it('a coordinator adds a contact with the people picker on the administration card', async () => {
    const coordinator = world.person(users.coordinator);
    await coordinator.install();
    const { reply } = await coordinator.say('admin', 'Departments and contacts');
    expect(reply).toContain('Culture (culture): Kalle Kulttuuri');
    expect(reply).toContain('[Add a contact: Culture]');

    await coordinator.click('Add a contact: Culture');
    await waitFor(() => coordinator.lastText().includes('[Add]'));
    expect(coordinator.lastText()).toContain('People');
    await coordinator.submit({ people: kirsi.aadObjectId });
    await waitFor(() => coordinator.texts().some((t) => t.includes('is now a contact of Culture')));
    expect(world.tasa.core.directory.contactsOf('culture')).toEqual([
      'teams:29:kalle',
      `teams:${kirsi.aadObjectId}`,
    ]);

    // Kirsi installs the app and is asked when the cycle starts, as Culture's contact.
    const newcomer = world.person(kirsi);
    await newcomer.install();
    const started = await coordinator.say('cycle start 2027-Q1 15.2.2027', 'Cycle 2027-Q1 is open');
    expect(started.reply).toContain('I asked 4 contacts just now.');
    await waitFor(() => newcomer.texts().some((t) => t.includes('Culture')));
    const history = await coordinator.say('admin history', 'Latest changes');
    expect(history.reply).toContain(`added ${kirsi.aadObjectId} as a contact of culture`);
  });

  it('knows a contact added by Teams id when they answer, without a restart', async () => {
    const coordinator = world.person(users.coordinator);
    const newcomer = world.person(kirsi);
    await coordinator.install();
    const added = await coordinator.say('admin contact add culture 29:kirsi', 'Culture');
    expect(added.reply).toContain('29:kirsi is now a contact of Culture.');
    // Kirsi installs Tasa after she was added: she is known by the id the coordinator gave.
    await newcomer.install();
    await coordinator.say('cycle start 2027-Q1 15.2.2027', 'Cycle 2027-Q1 is open');
    await waitFor(() => newcomer.lastText().includes('[Start]'));
    await newcomer.click('Start');
    await waitFor(() => newcomer.lastText().includes('question 1 of'));
    await newcomer.click('Yes');
    await waitFor(() => newcomer.lastText().includes('question 2 of'));
    const record = await getRecord(world.store, '2027-Q1', 'culture');
    expect(Object.values(record.answers).map((a) => a.by)).toEqual(['teams:29:kirsi']);
  });

  it('refuses the administration card’s buttons to a contact', async () => {
    const kalle = world.person(users.kalle);
    await kalle.install();
    const { reply } = await kalle.say('admin');
    expect(reply).toContain('coordinators');
    expect(reply).not.toContain('[Add a contact');
  });
});
