import { describe, expect, it } from 'vitest';
import { getRecord } from '../../src/checkins/record-repository.ts';
import { updatePersonState } from '../../src/people/preferences.ts';
import {
  answerKeyFactor,
  createReviewWorld,
  openAndCheckIn,
  textsTo,
  type ReviewWorld,
} from './review-world.ts';

const kf01 = ['Yes', 'Partly', 'No', "Don't know"];

/** Education completes key factor 1; the reviewers hear of it. */
async function completed(world: ReviewWorld, ...contacts: string[]) {
  await openAndCheckIn(world, 'UEDU1', ...contacts);
  await answerKeyFactor(world, 'UEDU1', kf01);
  await world.announce('2027-01-04');
  world.clock.advance(60_000);
  return world.person('UREV').last();
}

const answerOf = async (world: ReviewWorld, question: string) =>
  (await getRecord(world.store, '2027-Q1', 'education')).answers[question]!;

describe('reviewers accept answers or request changes', () => {
  it('accepts one answer, in place, and a double tap counts once', async () => {
    const world = createReviewWorld();
    const message = await completed(world);
    const riikka = world.person('UREV');
    const { button } = await riikka.click('Accept', message, 'tap-1');
    expect((await answerOf(world, 'KF01.Q1')).review).toEqual({
      state: 'accepted',
      by: 'slack:UREV',
      at: '2027-01-04T08:01:00.000Z',
    });
    // The message shows the verdict; the other answers still have their buttons.
    const updated = world.chat.text(message.view);
    expect(updated).toContain('Accepted by Riikka Arvioija on 4 January 2027');
    expect(world.chat.buttons(message.view).filter((b) => b.label === 'Accept')).toHaveLength(3);

    // The platform retries the same tap; then a second tap on the old button.
    world.clock.advance(60_000);
    await riikka.act(button.action, 'tap-1');
    await riikka.act(button.action, 'tap-2');
    expect((await answerOf(world, 'KF01.Q1')).review?.at).toBe('2027-01-04T08:01:00.000Z');
    expect(riikka.messages()).toHaveLength(1);
    expect((await answerOf(world, 'KF01.Q1')).revision).toBe(1);
  });

  it('shows a second reviewer who accepted first, keeping the first verdict', async () => {
    const world = createReviewWorld();
    const message = await completed(world);
    const kaisas = world.person('UCOORD').last();
    await world.person('UREV').click('Accept', message);
    await world.person('UCOORD').click('Accept', kaisas);
    expect((await answerOf(world, 'KF01.Q1')).review?.by).toBe('slack:UREV');
    expect(world.chat.text(kaisas.view)).toContain('Accepted by Riikka Arvioija on 4 January 2027');
  });

  it('accepts all answers of a key factor, leaving one changed since for another look', async () => {
    const world = createReviewWorld();
    const message = await completed(world);
    // Eeva changes question 2 after the message went out.
    await world.person('UEDU1').act({
      kind: 'answer',
      cycle: '2027-Q1',
      department: 'education',
      question: 'KF01.Q2',
      status: 'yes',
      revision: 1,
    });
    await world.person('UREV').click('Accept all', message);
    const states = await Promise.all(
      ['KF01.Q1', 'KF01.Q2', 'KF01.Q3', 'KF01.Q4'].map(
        async (q) => (await answerOf(world, q)).review?.state,
      ),
    );
    expect(states).toEqual(['accepted', undefined, 'accepted', 'accepted']);
    expect(textsTo(world, 'UREV')).toContainEqual(
      '1 answer changed since you saw it and still waits for your review.',
    );
  });

  it('refuses a stale Accept for an answer that changed since, politely', async () => {
    const world = createReviewWorld();
    const message = await completed(world);
    await world.person('UEDU1').act({
      kind: 'answer',
      cycle: '2027-Q1',
      department: 'education',
      question: 'KF01.Q1',
      status: 'no',
      revision: 1,
    });
    await world.person('UREV').click('Accept', message);
    expect((await answerOf(world, 'KF01.Q1')).review).toBeUndefined();
    expect(world.person('UREV').lastText()).toContain(
      'This answer has changed since you saw it, so your review was not saved.',
    );
  });

  it('requests changes with a required comment; the contacts answer again in their language', async () => {
    const world = createReviewWorld();
    await updatePersonState(world.store, 'slack:UEDU2', (s) => ({ ...s, language: 'fi' }));
    const message = await completed(world, 'UEDU2');
    const riikka = world.person('UREV');
    await riikka.click('Request changes…', message);
    const form = world.chat.forms.at(-1)!;
    expect(form.to.id).toBe('UREV');
    expect(form.form.fields.map((f) => f.id)).toEqual(['comment']);
    expect(await riikka.submit({ comment: '   ' })).toEqual({
      ok: false,
      errors: {
        comment: 'Write what should change: the department reads it beside the question.',
      },
    });
    expect((await answerOf(world, 'KF01.Q1')).review).toBeUndefined();

    const comment = 'Which decision is the public statement? Link the minutes.';
    expect(await riikka.submit({ comment })).toEqual({ ok: true });
    expect((await answerOf(world, 'KF01.Q1')).review).toMatchObject({
      state: 'changes_requested',
      by: 'slack:UREV',
      comment,
    });
    expect(riikka.lastText()).toContain('Sent back to Education with your comment');

    // Each contact sees the comment beside the question, in their own language.
    const eeva = world.person('UEDU1');
    expect(eeva.lastText()).toContain(
      `Peer review: Riikka Arvioija asks for changes to your answer: “${comment}”`,
    );
    expect(eeva.lastText()).toContain('1. Public commitment · question 1 of 4');
    const erkki = world.person('UEDU2');
    expect(erkki.lastText()).toContain(
      `Vertaisarviointi: Riikka Arvioija pyytää muutoksia vastaukseenne: ”${comment}”`,
    );
    expect(erkki.lastText()).toContain('kysymys 1/4');

    // Eeva answers again; the earlier answer and its review stay in the history.
    world.clock.advance(60_000);
    await eeva.click('Partly', eeva.last());
    const answer = await answerOf(world, 'KF01.Q1');
    expect(answer).toMatchObject({ status: 'partly', revision: 2 });
    expect(answer.review).toBeUndefined();
    expect(answer.history.at(-1)).toMatchObject({
      status: 'yes',
      review: { state: 'changes_requested', comment },
    });
    // Erkki's copy of the question is closed too: nobody answers it twice.
    const erkkisCopy = erkki
      .messages()
      .filter((m) => world.chat.text(m.view).includes('kysymys 1/4'))
      .at(-1)!;
    expect(world.chat.buttons(erkkisCopy.view).map((b) => b.label)).toEqual(['Muuta']);

    // The reviewer hears it is back, with the buttons to review it again.
    expect(riikka.lastText()).toContain(
      'Education has answered again the question you sent back: Public commitment, question 1.',
    );
    await riikka.click('Accept', riikka.last());
    expect((await answerOf(world, 'KF01.Q1')).review?.state).toBe('accepted');
  });

  it('counts a request for changes sent twice once: the department hears it once', async () => {
    const world = createReviewWorld();
    const message = await completed(world);
    const riikka = world.person('UREV');
    await riikka.click('Request changes…', message);
    const comment = 'Please name the decision.';
    expect(await riikka.submit({ comment }, 'submit-1')).toEqual({ ok: true });
    const eevas = world.person('UEDU1').messages().length;
    const riikkas = riikka.messages().length;
    await riikka.submit({ comment }, 'submit-1');
    expect(await riikka.submit({ comment }, 'submit-2')).toEqual({ ok: true });
    expect(world.person('UEDU1').messages()).toHaveLength(eevas);
    expect(riikka.messages()).toHaveLength(riikkas);
    // Accept all leaves the answer sent back for the department to answer again.
    await riikka.click('Accept all', message);
    expect((await answerOf(world, 'KF01.Q1')).review?.state).toBe('changes_requested');
    expect((await answerOf(world, 'KF01.Q2')).review?.state).toBe('accepted');
  });

  it('writes to a reviewer in their language', async () => {
    const world = createReviewWorld();
    await updatePersonState(world.store, 'slack:UREV', (s) => ({ ...s, language: 'sv' }));
    const message = await completed(world);
    const text = world.chat.text(message.view);
    expect(text).toContain('Kollegial granskning');
    expect(text).toContain('1 nyckelfaktor i bedömningsomgång 2027-Q1 väntar på din granskning.');
    expect(world.chat.buttons(message.view).map((b) => b.label)).toContain('Begär ändringar…');
    await world.person('UREV').click('Godkänn', message);
    expect(world.chat.text(message.view)).toContain('Godkänt av Riikka Arvioija');
  });

  it('keeps the typed comment when the answer changed before it was sent', async () => {
    const world = createReviewWorld();
    const message = await completed(world);
    const riikka = world.person('UREV');
    await riikka.click('Request changes…', message);
    await world.person('UEDU1').act({
      kind: 'answer',
      cycle: '2027-Q1',
      department: 'education',
      question: 'KF01.Q1',
      status: 'partly',
      revision: 1,
    });
    const comment = 'Please name the decision.';
    const result = await riikka.submit({ comment });
    expect(result.ok).toBe(false);
    expect(riikka.lastText()).toContain('This answer has changed since you saw it');
    expect(riikka.lastText()).toContain(`What you wrote:\n${comment}`);
    expect((await answerOf(world, 'KF01.Q1')).review).toBeUndefined();
  });
});

describe('accepted answers are locked', () => {
  it('refuses a contact changing an accepted answer, until a coordinator reopens it', async () => {
    const world = createReviewWorld();
    const message = await completed(world);
    const eeva = world.person('UEDU1');
    const explain = {
      kind: 'explain',
      cycle: '2027-Q1',
      department: 'education',
      question: 'KF01.Q1',
      revision: 1,
    } as const;
    // Eeva has the form open while the reviewer accepts.
    await eeva.act(explain);
    const forms = world.chat.forms.length;
    await world.person('UREV').click('Accept', message);
    const saved = await eeva.submit({ status: 'no', explanation: 'We withdrew it.' });
    expect(saved.ok).toBe(false);
    expect(eeva.lastText()).toContain(
      'This answer was accepted in peer review and is locked for the rest of the cycle.',
    );
    // What she typed comes back with the refusal.
    expect(eeva.lastText()).toContain('We withdrew it.');
    // A status button, or opening the form again, is refused too.
    const change = { ...explain, kind: 'answer', status: 'no' } as const;
    await eeva.act(change);
    await eeva.act(explain);
    expect(world.chat.forms).toHaveLength(forms);
    expect(eeva.lastText()).toContain('A coordinator can reopen it if it must change.');
    expect(await answerOf(world, 'KF01.Q1')).toMatchObject({ status: 'yes', revision: 1 });

    // Only a coordinator reopens it.
    const notCoordinator = await world.command('UREV', 'review reopen education KF01.Q1');
    expect(notCoordinator.text).toContain('Only coordinators can run “review reopen”.');
    const reopened = await world.command('UCOORD', 'review reopen education kf01.q1');
    expect(reopened.text).toBe(
      'Reopened: Education can change its answer to Public commitment, question 1 again.',
    );
    expect((await answerOf(world, 'KF01.Q1')).review).toBeUndefined();
    await eeva.act(change);
    expect(await answerOf(world, 'KF01.Q1')).toMatchObject({ status: 'no', revision: 2 });
  });

  it('lets only reviewers review, and only coordinators reopen with a button', async () => {
    const world = createReviewWorld();
    const message = await completed(world);
    const accept = world.chat.buttons(message.view).find((b) => b.label === 'Accept')!.action;
    await world.person('UEDU1').act(accept);
    expect(world.person('UEDU1').lastText()).toBe('Only reviewers can review answers.');
    await world.person('UREV').act({
      kind: 'reviewReopen',
      cycle: '2027-Q1',
      department: 'education',
      question: 'KF01.Q1',
    });
    expect(world.person('UREV').lastText()).toBe(
      'Only coordinators can reopen an accepted answer.',
    );
    expect((await answerOf(world, 'KF01.Q1')).review).toBeUndefined();

    // The coordinator accepts in their own message, then takes it back with Reopen.
    const kaisa = world.person('UCOORD');
    const own = kaisa.last();
    await kaisa.click('Accept', own);
    expect((await answerOf(world, 'KF01.Q1')).review?.by).toBe('slack:UCOORD');
    await kaisa.click('Reopen', own);
    expect((await answerOf(world, 'KF01.Q1')).review).toBeUndefined();
  });
});
