import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/chat/actor.ts';
import { privacyOf } from '../../src/core.ts';
import { getCycle } from '../../src/cycles/repository.ts';
import { createNamesRepository, namesKey } from '../../src/people/names-repository.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
import { readAhead } from '../../src/store/read-ahead.ts';
import { cleanName } from '../../src/people/naming.ts';
import { exportFiles, fileText } from '../../src/reports/export/index.ts';
import { gatherExport } from '../../src/reports/gather-export.ts';
import { drive } from '../helpers/drive.ts';
import { createWorld, parsedConfig } from '../helpers/world.ts';
import { startSlackTasa, state, waitFor } from '../slack/harness.ts';

/** A city whose configuration names nobody: every name comes from Slack. */
const unnamedCity = `organization: { name: Testikaupunki, locale: en, timezone: Europe/Helsinki, holidays: FI }
frameworks: [integrating-cities]
coordinators: [ { slack: U0COORD01 } ]
channels: { coordination: { slack: C0COORD01 } }
departments:
  - id: social
    name: { fi: Sosiaalipalvelut, sv: Socialtjänsten, en: Social services }
    contacts: [ { slack: U0SOCIAL1 }, { slack: U0SOCIAL2 } ]
    keyFactors: [KF01, KF06]
`;

/** A Slack user id as it would show if a message named someone by it. */
const rawSlackId = /\b[UW][A-Z0-9]{6,}\b/;

/** Every text Slack was asked to show: messages, their updates, modals and command replies. */
function shownTexts(calls: { method: string; args: Record<string, unknown> }[]): string[] {
  const texts: string[] = [];
  const walk = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      if (key === 'text' || key === 'title') texts.push(value);
    } else if (Array.isArray(value)) for (const item of value) walk(item, key);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  const shown = ['chat.postMessage', 'chat.update', 'views.open', 'response_url'];
  for (const call of calls.filter((c) => shown.includes(c.method))) {
    // Blocks and views arrive JSON-encoded in form posts.
    for (const [key, arg] of Object.entries(call.args)) {
      const parsed = typeof arg === 'string' && /^[[{]/.test(arg) ? safeJson(arg) : arg;
      walk(parsed, key);
    }
  }
  return texts;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

let world: Awaited<ReturnType<typeof startSlackTasa>> | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

describe('people by name in Slack', () => {
  it('names everyone by their Slack name, never by their id, including someone who never wrote', async () => {
    world = await startSlackTasa(undefined, { config: parsedConfig(unnamedCity) });
    const { slack } = world;
    slack.setDisplayName('U0COORD01', 'Kaisa K');
    slack.setDisplayName('U0SOCIAL1', 'Sofia S');
    slack.setDisplayName('U0SOCIAL2', 'Sami S');
    slack.setDisplayName('U0OTHER01', 'Olli O');
    const sofia = world.person('U0SOCIAL1');
    const sami = world.person('U0SOCIAL2');
    const olli = world.person('U0OTHER01');

    const started = await world.person('U0COORD01').command('cycle start 2027-Q1 15.2.2027');
    expect(started.reply).toContain('Cycle 2027-Q1 is open');
    await waitFor(() => sofia.dms().length === 1 && sami.dms().length === 1);

    // Sami hands the first key factor to Olli, whom Tasa has never heard from.
    await sami.click('Hand over…');
    await waitFor(() => slack.callsTo('views.open').length === 1);
    const handedOver = await sami.submit({
      colleague: { colleague: { type: 'users_select', selected_user: 'U0OTHER01' } },
    });
    expect(handedOver.status).toBe(200);
    await waitFor(() => olli.dms().length > 0);
    expect(olli.texts().join('\n')).toContain(
      'Sami S handed “Public commitment” (Social services) over to you.',
    );
    await waitFor(() => sofia.texts().some((t) => t.includes('Handed over to Olli O.')));
    await waitFor(() => sami.texts().some((t) => t.includes('is now with Olli O.')));

    // Olli answers and explains: the record shows his name from then on.
    await olli.click('Start');
    await waitFor(() => olli.lastText().includes('question 1 of 4'));
    await olli.click('Yes');
    await waitFor(() => olli.lastText().includes('question 2 of 4'));
    expect(olli.texts().join('\n')).toContain('Answered “Yes” by Olli O');
    await olli.click('Explain and add evidence');
    await waitFor(() => slack.callsTo('views.open').length === 2);
    await olli.submit({
      ...state.select('status', 'partly'),
      ...state.text('explanation', 'Said in the council, see the minutes.'),
      ...state.link(0, ''),
      ...state.link(1, ''),
      ...state.link(2, ''),
    });
    await waitFor(() => olli.lastText().includes('question 3 of 4'));
    expect(olli.texts().join('\n')).toContain('Said in the council, see the minutes.\n— Olli O');

    // The coordinators are named to someone who may not close the cycle.
    const refused = await sofia.command('cycle close');
    expect(refused.reply).toBe(
      'Only coordinators can run “cycle close”. The coordinators are: Kaisa K.',
    );

    const texts = shownTexts(slack.calls);
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.filter((t) => rawSlackId.test(t))).toEqual([]);
    // Names are kept only for those the configuration does not name, under their key.
    expect(await createNamesRepository(world.store).all()).toEqual({
      'slack:U0COORD01': 'Kaisa K',
      'slack:U0SOCIAL1': 'Sofia S',
      'slack:U0SOCIAL2': 'Sami S',
      'slack:U0OTHER01': 'Olli O',
    });
  });
});

/** A city whose Teams contacts are named by nobody but Teams itself. */
const teamsCity = `organization: { name: Testikaupunki, locale: en, timezone: Europe/Helsinki, holidays: FI }
frameworks: [integrating-cities]
coordinators: [ { slack: UCOORD, name: Kaisa Koordinaattori } ]
channels: { coordination: { slack: CCOORD } }
departments:
  - id: youth
    name: { fi: Nuorisopalvelut, sv: Ungdomstjänster, en: Youth services }
    contacts: [ { teams: "29:pekka" }, { teams: "29:paula" } ]
    keyFactors: [KF01, KF06]
`;

const pekka = { platform: 'teams' as const, id: '29:pekka', name: 'Pekka Nuoriso' };
// Paula's activities carry no name, and Teams gives none when asked.
const paula = { platform: 'teams' as const, id: '29:paula' };

async function youthWorld() {
  const world = createWorld({ config: parsedConfig(teamsCity) });
  await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
  for (const person of ['teams:29:pekka', 'teams:29:paula'])
    await world.engine.deliverCheckIn(person, '2027-Q1', '2027-01-04');
  const tap = drive(world.core);
  const press = async (actor: Actor, label: string) => {
    const message = [...world.chat.to(actor.id)]
      .reverse()
      .find((m) => world.chat.buttons(m.view).some((b) => b.label === label));
    const button = message && world.chat.buttons(message.view).find((b) => b.label === label);
    if (!message || !button) throw new Error(`${actor.id} has no “${label}”`);
    await tap.handleAction(actor, button.action, { id: randomUUID(), message: message.ref });
  };
  return { world, tap, press };
}

describe('people by name in Teams, in files, and at erasure', () => {
  it('names a person as their activity does, and someone unnamed as “a colleague”, never by id', async () => {
    const { world, tap, press } = await youthWorld();
    const paulasIntro = world.chat.last('29:paula')!;
    await press(pekka, 'Start');
    expect(world.chat.text(paulasIntro.view)).toContain('Started by Pekka Nuoriso.');
    await press(pekka, 'Yes');
    expect(world.chat.text(world.chat.to('29:pekka').at(-2)!.view)).toContain(
      'Answered “Yes” by Pekka Nuoriso',
    );

    const where = { cycle: '2027-Q1', department: 'youth' };
    expect(
      await tap.submitForm(
        paula,
        { kind: 'handOver', ...where, keyFactor: 'KF06' },
        {
          colleague: '29:nobody',
        },
      ),
    ).toEqual({ ok: true });
    const toPaula = world.chat.to('29:paula').map((m) => world.chat.text(m.view));
    expect(toPaula.join('\n')).toContain('“The city as employer” is now with a colleague.');
    expect(world.chat.text(world.chat.to('29:nobody').at(0)!.view)).toContain(
      'a colleague handed “The city as employer” (Youth services) over to you.',
    );

    const shown = world.chat.messages.flatMap((m) => m.versions.map((v) => world.chat.text(v)));
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.filter((t) => /29:|\bteams:/.test(t) || rawSlackId.test(t))).toEqual([]);
  });

  it('puts the name beside the id in the export, and forgets the name when the person is erased', async () => {
    const { world, press } = await youthWorld();
    await press(pekka, 'Start');
    await press(pekka, 'Yes');

    const files = exportFiles(
      await gatherExport({
        store: world.store,
        config: world.config,
        catalogue: world.catalogue,
        i18n: world.i18n,
        directory: world.directory,
        cycle: (await getCycle(world.store, '2027-Q1'))!,
        language: 'en',
        now: world.clock.now(),
      }),
    );
    const answers = fileText(files.find((f) => f.name.endsWith('-answers.csv'))!);
    expect(answers).toContain(',Pekka Nuoriso,teams:29:pekka,2027-01-04T08:00:00.000Z,');

    const privacy = privacyOf(world.store, world.directory);
    expect(await privacy.export('teams:29:pekka', world.clock.now())).toMatchObject({
      displayName: 'Pekka Nuoriso',
    });
    await privacy.erase('teams:29:pekka');
    expect(await createNamesRepository(world.store).all()).toEqual({});
    expect(await privacy.export('teams:29:pekka', world.clock.now())).not.toHaveProperty(
      'displayName',
    );
  });
});

describe('a display name as kept', () => {
  it('is one line without control or bidi characters, and not endless', () => {
    expect(cleanName('  Pekka\n\u202eNuoriso\u0000 ')).toBe('Pekka Nuoriso');
    expect(cleanName('\u200b \t')).toBeUndefined();
    expect(cleanName(undefined)).toBeUndefined();
    expect(cleanName('Å'.repeat(200))).toHaveLength(80);
  });

  it('follows the platform when a person changes it, and stays the same otherwise', async () => {
    const { world, press } = await youthWorld();
    await press({ ...pekka, name: 'Pekka N' }, 'Start');
    await press(pekka, 'Yes');
    expect(await createNamesRepository(world.store).all()).toEqual({
      'teams:29:pekka': 'Pekka Nuoriso',
    });
    expect(
      world.chat
        .to('29:pekka')
        .map((m) => world.chat.text(m.view))
        .join('\n'),
    ).toContain('Answered “Yes” by Pekka Nuoriso');
  });
});

describe('names learned at once', () => {
  it('keeps a name another replica remembered while this interaction was under way', async () => {
    const store = openStore({
      url: 'memory:',
      dataDir: '.',
      namespace: 'names',
      clock: fixedClock(new Date()),
    });
    const ahead = readAhead(store);
    await ahead.within(async () => {
      await ahead.fetch([namesKey]);
      // Another replica keeps Pekka's name after this interaction read the names ahead.
      await createNamesRepository(store).remember('teams:29:pekka', 'Pekka Nuoriso');
      await createNamesRepository(ahead.store).remember('teams:29:paula', 'Paula Nuoriso');
      expect(await createNamesRepository(ahead.store).all()).toEqual({
        'teams:29:pekka': 'Pekka Nuoriso',
        'teams:29:paula': 'Paula Nuoriso',
      });
    });
    expect(await createNamesRepository(store).all()).toEqual({
      'teams:29:pekka': 'Pekka Nuoriso',
      'teams:29:paula': 'Paula Nuoriso',
    });
  });
});
