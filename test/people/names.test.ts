import { afterEach, describe, expect, it } from 'vitest';
import { createNamesRepository } from '../../src/people/names-repository.ts';
import { startSlackTasa, state, waitFor } from '../slack/harness.ts';
import { parsedConfig } from '../helpers/world.ts';

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
