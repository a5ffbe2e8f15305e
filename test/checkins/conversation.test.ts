import { describe, expect, it } from 'vitest';
import { cycleStatus, myOpenQuestions } from '../../src/checkins/status.ts';
import { getRecord } from '../../src/checkins/record-repository.ts';
import { getCycle } from '../../src/cycles/repository.ts';
import { createWorld, type World } from '../helpers/world.ts';
import { drive } from '../helpers/drive.ts';

async function openAndCheckIn(world: World, ...people: string[]) {
  const opened = await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
  expect(opened.ok).toBe(true);
  for (const id of people)
    expect(await world.engine.deliverCheckIn(`slack:${id}`, '2027-Q1', '2027-01-04')).toBe('sent');
}

const statusOf = async (world: World) => {
  const cycle = await getCycle(world.store, '2027-Q1');
  if (!cycle) throw new Error('no cycle');
  return cycleStatus(world.store, cycle);
};

describe('a guided check-in conversation', () => {
  it('walks a contact through a whole key factor and on to the next one', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UEDU1');
    const eeva = world.person('UEDU1');

    expect(eeva.lastText()).toContain(
      'You have 11 open questions in cycle 2027-Q1, due 15 February 2027.',
    );
    expect(eeva.lastText()).toContain('1. Public commitment');
    expect(eeva.lastText()).toContain('The city demonstrates leadership');
    expect(eeva.lastText()).toContain('4 guiding questions · Education');

    await eeva.click('Start');
    expect(eeva.lastText()).toContain('1. Public commitment · question 1 of 4');
    expect(eeva.lastText()).toContain('public statement');

    for (const [n, status] of [
      [1, 'Yes'],
      [2, 'Partly'],
      [3, 'No'],
      [4, "Don't know"],
    ] as const) {
      const question = eeva.last();
      await eeva.click(status);
      // The answered message is updated in place: no status buttons left to press twice.
      expect(world.chat.buttons(question.view).map((b) => b.label)).toEqual(['Change']);
      expect(world.chat.text(question.view)).toContain(`Answered “${status}” by Eeva Opettaja`);
      if (n < 4) expect(eeva.lastText()).toContain(`question ${n + 1} of 4`);
    }
    expect(eeva.lastText()).toContain('1. Public commitment · overall rating');
    await eeva.click('In progress');
    const texts = eeva.messages().map((m) => world.chat.text(m.view));
    expect(texts).toContainEqual(
      expect.stringContaining('Thank you! “Public commitment” is done for Education.'),
    );
    // Two answers found gaps: the thank-you offers to add an action item for this key factor.
    const thanks = eeva
      .messages()
      .find((m) => world.chat.text(m.view).includes('is done for Education'))!;
    expect(world.chat.text(thanks.view)).toContain(
      '2 answers found gaps. Would you like to add an action item to the action plan?',
    );
    expect(world.chat.buttons(thanks.view)[0]?.action).toEqual({
      kind: 'actionNew',
      department: 'education',
      serves: 'KF01',
    });
    expect(eeva.lastText()).toContain('6. The city as employer');

    const status = await statusOf(world);
    expect(status.departments.find((d) => d.department === 'education')).toMatchObject({
      answered: 4,
      total: 11,
      rated: 1,
      late: 0,
    });
    expect(status.keyFactors.find((k) => k.keyFactor === 'KF01')).toMatchObject({
      answered: 4,
      total: 4,
      statuses: { yes: 1, partly: 1, no: 1, dont_know: 1, not_applicable: 0 },
      ratings: { in_progress: 1 },
    });
    const record = await getRecord(world.store, '2027-Q1', 'education');
    expect(record.answers['KF01.Q1']).toMatchObject({
      status: 'yes',
      by: 'slack:UEDU1',
      late: false,
      revision: 1,
    });
  });

  it('saves after every answer, so a contact can stop and resume later', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UEDU1');
    const eeva = world.person('UEDU1');
    await eeva.click('Start');
    await eeva.click('Yes');
    await eeva.click('No');

    // A new engine on the same store (a restart) picks up where she stopped.
    const later = createWorld({ store: world.store });
    const again = later.person('UEDU1');
    await drive(later).resume(again.actor);
    expect(again.lastText()).toContain('1. Public commitment · question 3 of 4');
    expect(
      await myOpenQuestions(
        later.store,
        later.directory,
        (await getCycle(later.store, '2027-Q1'))!,
        'slack:UEDU1',
      ),
    ).toEqual([
      {
        department: 'education',
        keyFactor: 'KF01',
        questions: ['KF01.Q3', 'KF01.Q4'],
        needsRating: false,
      },
      {
        department: 'education',
        keyFactor: 'KF06',
        questions: ['KF06.Q1', 'KF06.Q2', 'KF06.Q3', 'KF06.Q4', 'KF06.Q5', 'KF06.Q6', 'KF06.Q7'],
        needsRating: false,
      },
    ]);
  });

  it('lets a contact go back and change an earlier answer, keeping every change', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UEDU1');
    const eeva = world.person('UEDU1');
    await eeva.click('Start');
    const first = (await eeva.click('Yes')).message;
    world.clock.advance(60_000);

    await eeva.click('Back');
    expect(eeva.lastText()).toContain('question 1 of 4');
    expect(eeva.lastText()).toContain('Answered “Yes” by Eeva Opettaja');
    await eeva.click('Explain and add evidence');
    const form = world.chat.forms.at(-1)!.form;
    expect(form.fields.find((f) => f.id === 'status')).toMatchObject({ initial: 'yes' });
    expect(
      await eeva.submit({
        status: 'partly',
        explanation: 'The mayor spoke about it in 2026, but there is no written statement.',
        evidence: [{ url: 'https://www.hel.fi/paatokset/2026-1', title: 'City board minutes' }],
      }),
    ).toEqual({ ok: true });

    const answer = (await getRecord(world.store, '2027-Q1', 'education')).answers['KF01.Q1']!;
    expect(answer).toMatchObject({
      status: 'partly',
      explanation: 'The mayor spoke about it in 2026, but there is no written statement.',
      evidence: [{ url: 'https://www.hel.fi/paatokset/2026-1', title: 'City board minutes' }],
      revision: 2,
      by: 'slack:UEDU1',
    });
    expect(answer.history).toEqual([
      expect.objectContaining({
        status: 'yes',
        revision: 1,
        by: 'slack:UEDU1',
        at: '2027-01-04T08:00:00.000Z',
      }),
    ]);
    expect(answer.at).toBe('2027-01-04T08:01:00.000Z');
    // Every copy of the question shows the change, the first one included.
    expect(world.chat.text(first.view)).toContain('Answered “Partly” by Eeva Opettaja');
    expect(world.chat.text(eeva.messages().at(-2)!.view)).not.toContain('Answered “Yes”');
  });

  it('skips a key factor only with a reason, and keeps the reason', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UCULT1');
    const kalle = world.person('UCULT1');
    await kalle.click('Skip…');
    expect(await kalle.submit({ reason: '  ' })).toEqual({
      ok: false,
      errors: { reason: 'Give a reason for skipping.' },
    });
    expect(
      await kalle.submit({
        reason: 'Culture has no consultation body of its own; the city-wide one covers us.',
      }),
    ).toEqual({ ok: true });

    const record = await getRecord(world.store, '2027-Q1', 'culture');
    expect(record.skips.KF04).toMatchObject({
      reason: 'Culture has no consultation body of its own; the city-wide one covers us.',
      by: 'slack:UCULT1',
    });
    expect(kalle.messages().map((m) => world.chat.text(m.view))).toContainEqual(
      expect.stringContaining('Skipped by Kalle Kulttuuri'),
    );
    expect(kalle.lastText()).toContain('That is everything for cycle 2027-Q1');
    expect(
      (await statusOf(world)).departments.find((d) => d.department === 'culture'),
    ).toMatchObject({ skipped: ['KF04'], answered: 0 });
  });

  it('hands a key factor to a colleague, who is then asked it', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UEDU1');
    const eeva = world.person('UEDU1');
    const intro = eeva.last();
    await eeva.click('Hand over…');
    expect(await eeva.submit({ colleague: 'UEDU1' })).toMatchObject({
      ok: false,
      errors: { colleague: 'Choose someone other than yourself.' },
    });
    // Someone not in the configuration is named as the platform names them.
    world.chat.setName('UHR9', 'Hanna Henkilöstö');
    expect(await eeva.submit({ colleague: 'UHR9' })).toEqual({ ok: true });

    expect(world.chat.text(intro.view)).toContain('Handed over to Hanna Henkilöstö.');
    const colleague = world.person('UHR9');
    expect(colleague.lastText()).toContain(
      'Eeva Opettaja handed “Public commitment” (Education) over to you.',
    );
    await colleague.click('Start');
    await colleague.click('Yes');
    expect((await getRecord(world.store, '2027-Q1', 'education')).answers['KF01.Q1']).toMatchObject(
      { by: 'slack:UHR9' },
    );
    // Eeva goes on with what is still hers.
    expect(eeva.lastText()).toContain('6. The city as employer');
    const cycle = (await getCycle(world.store, '2027-Q1'))!;
    const eevasWork = await myOpenQuestions(world.store, world.directory, cycle, 'slack:UEDU1');
    expect(eevasWork.map((w) => w.keyFactor)).toEqual(['KF06']);
  });

  it('lets two contacts of one department answer different questions, never asking an answered one', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UEDU1', 'UEDU2');
    const eeva = world.person('UEDU1');
    const erkki = world.person('UEDU2');
    const erkkisIntro = erkki.last();

    await eeva.click('Start');
    expect(world.chat.text(erkkisIntro.view)).toContain('Started by Eeva Opettaja.');
    await eeva.click('Yes'); // Q1 by Eeva; she now sees Q2
    const eevasQ2 = eeva.last();

    await drive(world).resume(erkki.actor);
    expect(erkki.lastText()).toContain('question 2 of 4');
    await erkki.click('No'); // Q2 by Erkki
    expect(world.chat.text(eevasQ2.view)).toContain('Answered “No” by Erkki Rehtori');
    expect(world.chat.buttons(eevasQ2.view).map((b) => b.label)).toEqual(['Change']);
    expect(erkki.lastText()).toContain('question 3 of 4');

    const record = await getRecord(world.store, '2027-Q1', 'education');
    expect(record.answers['KF01.Q1']?.by).toBe('slack:UEDU1');
    expect(record.answers['KF01.Q2']?.by).toBe('slack:UEDU2');
  });

  it('refuses bad evidence links and over-long text with the reason, and keeps the rest', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UEDU1');
    const eeva = world.person('UEDU1');
    await eeva.click('Start');
    await eeva.click('Explain and add evidence');
    // Platforms check a form before saving it; the save itself never loses the valid part.
    const result = await eeva.saveUnchecked({
      status: 'partly',
      explanation: 'Strategy adopted in 2025; the action plan is still missing.',
      evidence: [
        { url: 'https://www.hel.fi/strategia.pdf', title: 'City strategy' },
        { url: 'ftp://files.hel.fi/plan.doc' },
        { url: 'https://admin:secret@intranet.hel.fi/x' },
        { url: 'not a link' },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        'evidence.1': 'Link 2 (“ftp://files.hel.fi/plan.doc”) must start with http:// or https://.',
        'evidence.2':
          'Link 3 contains a user name or password; remove them before sharing the link.',
        'evidence.3': 'Link 4 (“not a link”) is not a web address.',
      },
    });
    let answer = (await getRecord(world.store, '2027-Q1', 'education')).answers['KF01.Q1']!;
    expect(answer).toMatchObject({
      status: 'partly',
      explanation: 'Strategy adopted in 2025; the action plan is still missing.',
      evidence: [{ url: 'https://www.hel.fi/strategia.pdf', title: 'City strategy' }],
    });
    expect(eeva.messages().map((m) => world.chat.text(m.view))).toContainEqual(
      expect.stringContaining('I saved your answer, except: Link 2'),
    );

    await eeva.click(
      'Change',
      eeva
        .messages()
        .find(
          (m) =>
            world.chat.text(m.view).includes('question 1 of 4') &&
            world.chat.buttons(m.view).length === 1,
        ),
    );
    const long = 'x'.repeat(3001);
    expect(
      await eeva.saveUnchecked({
        status: 'yes',
        explanation: long,
        evidence: [{ url: 'https://www.hel.fi/strategia.pdf' }],
      }),
    ).toEqual({
      ok: false,
      errors: {
        explanation: 'The text is 3001 characters long; the limit is 3000. Please shorten it.',
      },
    });
    answer = (await getRecord(world.store, '2027-Q1', 'education')).answers['KF01.Q1']!;
    expect(answer.status).toBe('yes');
    expect(answer.explanation).toBe('Strategy adopted in 2025; the action plan is still missing.');
    expect(answer.evidence).toEqual([
      { url: 'https://www.hel.fi/strategia.pdf', addedAt: '2027-01-04T08:00:00.000Z' },
    ]);
  });

  it('explains an answer to a closed cycle and gives back what was typed', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UEDU1');
    const eeva = world.person('UEDU1');
    await eeva.click('Start');
    await eeva.click('Explain and add evidence');
    expect((await world.close()).ok).toBe(true);

    const result = await eeva.submit({
      status: 'yes',
      explanation: 'Our board adopted the statement.',
    });
    expect(result).toMatchObject({ ok: false });
    expect(eeva.lastText()).toContain(
      'Cycle 2027-Q1 is closed, so answers are no longer accepted.',
    );
    expect(eeva.lastText()).toContain('Our board adopted the statement.');
    await eeva.click(
      'Yes',
      eeva.messages().find((m) => world.chat.text(m.view).includes('question 1 of 4')),
    );
    expect(eeva.lastText()).toContain('Cycle 2027-Q1 is closed');
    expect((await getRecord(world.store, '2027-Q1', 'education')).answers).toEqual({});
  });

  it('marks answers given after the due date as late, and still accepts them until close', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UEDU1');
    const eeva = world.person('UEDU1');
    await eeva.click('Start');
    world.clock.set(new Date('2027-02-16T09:00:00Z'));
    const question = (await eeva.click('Yes')).message;
    expect(world.chat.text(question.view)).toContain('(after the due date)');
    expect((await getRecord(world.store, '2027-Q1', 'education')).answers['KF01.Q1']).toMatchObject(
      { late: true },
    );
    expect((await statusOf(world)).departments[0]).toMatchObject({ late: 1 });
  });

  it('tells a contact when a colleague changed the answer while their form was open, keeping both', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UEDU1', 'UEDU2');
    const eeva = world.person('UEDU1');
    const erkki = world.person('UEDU2');
    await eeva.click('Start');
    await eeva.click('Explain and add evidence'); // the form carries revision 0
    await drive(world).resume(erkki.actor);
    await erkki.click('No');
    expect(await eeva.submit({ status: 'yes', explanation: 'Adopted by the council.' })).toEqual({
      ok: true,
    });
    expect(eeva.messages().map((m) => world.chat.text(m.view))).toContainEqual(
      'Erkki Rehtori had changed this answer after you opened it. Yours is now the latest; theirs is kept in the history.',
    );
    const answer = (await getRecord(world.store, '2027-Q1', 'education')).answers['KF01.Q1']!;
    expect(answer).toMatchObject({ status: 'yes', by: 'slack:UEDU1', revision: 2 });
    expect(answer.history).toEqual([
      expect.objectContaining({ status: 'no', by: 'slack:UEDU2', revision: 1 }),
    ]);
  });

  it('explains a form that no longer applies', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UEDU1');
    const eeva = world.person('UEDU1');
    const result = await drive(world).submitForm(eeva.actor, { kind: 'resume' }, { status: 'yes' });
    expect(result).toMatchObject({ ok: false });
    expect(eeva.lastText()).toBe('This form is out of date. Please open it again.');
  });

  it('counts a retried click once', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UEDU1');
    const eeva = world.person('UEDU1');
    await eeva.click('Start');
    const yes = world.chat.buttons(eeva.last().view).find((b) => b.label === 'Yes')!;
    // Slack retries a slow delivery with the same payload and id.
    await eeva.act(yes.action, 'retry-1');
    await eeva.act(yes.action, 'retry-1');
    expect((await getRecord(world.store, '2027-Q1', 'education')).answers['KF01.Q1']).toMatchObject(
      { revision: 1, history: [] },
    );
    expect(
      eeva.messages().filter((m) => world.chat.text(m.view).includes('question 2 of 4')),
    ).toHaveLength(1);
  });

  it('refuses answers from someone who is not a contact, and questions not in the cycle', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UEDU1');
    const kalle = world.person('UCULT1');
    await kalle.act({
      kind: 'answer',
      cycle: '2027-Q1',
      department: 'education',
      question: 'KF01.Q1',
      status: 'yes',
      revision: 0,
    });
    expect(kalle.lastText()).toBe('Only the contacts of Education can answer for it.');
    await kalle.act({
      kind: 'answer',
      cycle: '2027-Q1',
      department: 'culture',
      question: 'KF01.Q1',
      status: 'yes',
      revision: 0,
    });
    expect(kalle.lastText()).toBe('KF01.Q1 is not part of cycle 2027-Q1 for this department.');
    await kalle.act({
      kind: 'answer',
      cycle: '2026-Q4',
      department: 'culture',
      question: 'KF04.Q1',
      status: 'yes',
      revision: 0,
    });
    expect(kalle.lastText()).toBe('There is no cycle 2026-Q4.');
    expect((await getRecord(world.store, '2027-Q1', 'education')).answers).toEqual({});
  });

  it('speaks to each person in their own language', async () => {
    const world = createWorld();
    await openAndCheckIn(world, 'UEDU1');
    const eeva = world.person('UEDU1', 'fi-FI');
    await eeva.click('Start');
    expect(eeva.lastText()).toContain('Julkinen sitoumus');
    expect(eeva.lastText()).toContain(
      'Onko kaupunkinne sitoumuksesta syrjinnän torjuntaan annettu julkinen lausunto?',
    );
  });
});

describe('assessment cycles', () => {
  it('freeze their questions: a later config or catalogue never rewrites an open cycle', async () => {
    const world = createWorld();
    await world.open({ name: '2027-Q1', dueDate: '2027-02-15' });
    const changed = createWorld({
      store: world.store,
      config: (await import('../helpers/world.ts')).parsedConfig(
        (await import('../helpers/world.ts')).cityConfig.replace(
          'keyFactors: [KF01, KF06]',
          'keyFactors: [KF11]',
        ),
      ),
    });
    const cycle = (await getCycle(changed.store, '2027-Q1'))!;
    expect(cycle.departments.find((d) => d.id === 'education')?.keyFactors).toEqual([
      'KF01',
      'KF06',
    ]);
    expect(cycle.keyFactors.find((k) => k.id === 'KF01')?.questions[0]?.text.fi).toBe(
      'Onko kaupunkinne sitoumuksesta syrjinnän torjuntaan annettu julkinen lausunto?',
    );
    expect(await changed.engine.deliverCheckIn('slack:UEDU1', '2027-Q1', '2027-01-04')).toBe(
      'sent',
    );
    expect(changed.person('UEDU1').lastText()).toContain('1. Public commitment');
  });

  it('open one at a time, refuse a duplicate name and a due date in the past', async () => {
    const world = createWorld();
    expect(await world.open({ name: '2027-Q1', dueDate: '2027-02-15' })).toMatchObject({
      ok: true,
    });
    expect(await world.open({ name: '2027-Q2' })).toEqual({
      ok: false,
      code: 'cycleAlreadyOpen',
      params: { name: '2027-Q1' },
    });
    await world.close();
    expect(await world.open({ name: '2027-Q1' })).toEqual({
      ok: false,
      code: 'cycleExists',
      params: { name: '2027-Q1' },
    });
    expect(await world.open({ name: '2027-Q2', dueDate: '2026-12-31' })).toMatchObject({
      ok: false,
      code: 'badDueDate',
    });
    // The schedule names cycles by quarter and never reopens one.
    expect(await world.open({ by: 'schedule' })).toEqual({
      ok: false,
      code: 'cycleExists',
      params: { name: '2027-Q1' },
    });
    world.clock.set(new Date('2027-04-01T05:00:00Z'));
    expect(await world.open({ by: 'schedule' })).toMatchObject({
      ok: true,
      cycle: { id: '2027-Q2', dueDate: '2027-05-13' },
    });
  });
});
