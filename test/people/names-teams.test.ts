import { afterEach, describe, expect, it } from 'vitest';
import { createNamesRepository } from '../../src/people/names-repository.ts';
import {
  cardOf,
  cardText,
  erkkiObjectId,
  startTeamsTasa,
  teamsCityConfig,
  users,
  waitFor,
} from '../teams/harness.ts';

// The test city as Teams knows it, with no names in the configuration: Teams names everyone.
const unnamedConfig = teamsCityConfig.replace(/, name: [^}]+ \}/g, ' }');
const eevaKey = 'teams:eeva.opettaja@testikaupunki.fi';
const erkkiKey = `teams:${erkkiObjectId.toUpperCase()}`;

let world: Awaited<ReturnType<typeof startTeamsTasa>> | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

describe('people by name in Teams', () => {
  it('names people as their activities and the roster do, never by a Teams id or e-mail', async () => {
    expect(unnamedConfig).not.toContain('Eeva Opettaja');
    world = await startTeamsTasa({ config: unnamedConfig });
    const { connector } = world;
    const coordinator = world.person(users.coordinator);
    const eeva = world.person(users.eeva);
    const erkki = world.person(users.erkki);
    await coordinator.install();
    await eeva.install();

    // Erkki's first message comes without a name: the roster of his chat gives it.
    const nameless = { ...erkki.message(), text: 'help', textFormat: 'plain' };
    await world.post({ ...nameless, from: { id: users.erkki.id, aadObjectId: erkkiObjectId } });
    await waitFor(() => erkki.cards().length > 0);
    expect(await createNamesRepository(world.store).all()).toEqual({
      'teams:29:coord': 'Kaisa Koordinaattori',
      [eevaKey]: 'Eeva Opettaja',
      [erkkiKey]: 'Erkki Rehtori',
    });

    const started = 'Cycle 2027-Q1 is open';
    await coordinator.say('cycle start 2027-Q1 15.2.2027', started);
    await waitFor(() => eeva.texts().some((t) => t.includes('[Start]')));
    await waitFor(() => erkki.texts().some((t) => t.includes('[Start]')));
    await eeva.click('Start');
    await waitFor(() => erkki.texts().some((t) => t.includes('Started by Eeva Opettaja.')));
    await eeva.click('Yes');
    await waitFor(() => eeva.texts().some((t) => t.includes('Answered “Yes” by Eeva Opettaja')));

    const refused = await erkki.say('cycle close', 'Only coordinators');
    expect(refused.reply).toContain('The coordinators are: Kaisa Koordinaattori.');

    // What people read of every activity Teams was given, first versions and updates alike.
    const shown = connector.calls.flatMap((call) => {
      const activity = call.body as { text?: string; attachments?: unknown } | undefined;
      if (!activity || typeof activity !== 'object') return [];
      return [activity.text ?? '', cardText(cardOf({ activity } as never))];
    });
    expect(shown.filter((text) => text.includes('Eeva Opettaja')).length).toBeGreaterThan(1);
    const ids = [/29:/, new RegExp(erkkiObjectId, 'i'), /@testikaupunki/i];
    expect(shown.filter((text) => ids.some((id) => id.test(text)))).toEqual([]);
  });
});
