import { describe, expect, it } from 'vitest';
import { cycleStatus } from '../../src/checkins/status.ts';
import { getCycle } from '../../src/cycles/repository.ts';
import { exportCycle } from '../../src/reports/gather-export.ts';
import {
  answerKeyFactor,
  createReviewWorld,
  openAndCheckIn,
  type ReviewWorld,
} from './review-world.ts';

const comment = 'Which decision is the public statement? Link the minutes.';

/**
 * Education completes key factor 1; the reviewer accepts question 1 and sends
 * question 2 back, which Eeva answers again; questions 3 and 4 wait.
 */
async function reviewed(): Promise<ReviewWorld> {
  const world = createReviewWorld();
  await openAndCheckIn(world, 'UEDU1');
  await answerKeyFactor(world, 'UEDU1', ['Yes', 'Partly', 'No', "Don't know"]);
  await world.announce('2027-01-04');
  const riikka = world.person('UREV');
  const message = riikka.last();
  await riikka.click('Accept', message);
  await riikka.click('Request changes…', message);
  expect(await riikka.submit({ comment })).toEqual({ ok: true });
  return world;
}

const decode = (content: string | Uint8Array) =>
  typeof content === 'string' ? content : new TextDecoder().decode(content);

async function exported(world: ReviewWorld, language: 'en' | 'fi' = 'en') {
  const cycle = (await getCycle(world.store, '2027-Q1'))!;
  const files = await exportCycle({
    store: world.store,
    config: world.config,
    catalogue: world.catalogue,
    i18n: world.i18n,
    directory: world.directory,
    cycle,
    language,
    now: world.clock.now(),
  });
  const named = (end: string) => decode(files.find((f) => f.name.endsWith(end))!.content);
  return { csv: named('-answers.csv'), html: named('.html') };
}

describe('the review state shows wherever answers do', () => {
  it('counts review states in status, per department and key factor', async () => {
    const world = await reviewed();
    const status = await cycleStatus(world.store, (await getCycle(world.store, '2027-Q1'))!);
    expect(status.reviews).toEqual({ accepted: 1, changes_requested: 1, not_reviewed: 2 });
    expect(status.keyFactors.find((k) => k.keyFactor === 'KF01')?.reviews).toEqual({
      accepted: 1,
      changes_requested: 1,
      not_reviewed: 2,
    });
    const reply = await world.command('UCOORD', 'status');
    expect(reply.text).toContain('Peer review: 1 accepted · 1 changes requested · 2 not reviewed');
    const byKeyFactor = await world.command('UCOORD', 'status KF01');
    expect(byKeyFactor.text).toContain('Peer review: 1 accepted');
  });

  it('puts the review in the answers CSV, with the comment, in the export language', async () => {
    const world = await reviewed();
    const { csv } = await exported(world);
    expect(csv.split('\r\n')[0]).toContain(
      ',revisions,confirmed_from,evidence_possibly_out_of_date,review_code,review,review_comment,reviewed_by,reviewed_at',
    );
    expect(csv).toContain(',1,,0,accepted,Accepted,,Riikka Arvioija,2027-01-04T08:00:00.000Z\r\n');
    expect(csv).toContain(
      `,changes_requested,Changes requested,${comment},Riikka Arvioija,2027-01-04T08:00:00.000Z\r\n`,
    );
    expect(csv).toContain(',1,,0,not_reviewed,Not reviewed,,,\r\n');
    const finnish = (await exported(world, 'fi')).csv;
    expect(finnish).toContain(',accepted,Hyväksytty,,');
  });

  it('marks answers in the report and gives the comments a Peer review section', async () => {
    const world = await reviewed();
    // Eeva answers the question again: the comment stays in the report.
    await world.person('UEDU1').click('Yes', world.person('UEDU1').last());
    const { html } = await exported(world);
    expect(html).toContain('<span class="review accepted">Accepted</span>');
    expect(html).toContain('<h4>Peer review</h4>');
    expect(html).toContain(`Education, question 2: “${comment}” – Riikka Arvioija, 4 January 2027`);
    // A key factor nobody reviewed reads as before.
    const kf06 = html.slice(html.indexOf('id="KF06"'));
    expect(kf06.slice(0, kf06.indexOf('</section>'))).not.toContain('Peer review');
  });

  it('shows a reviewer what waits for them in App Home, and the review command lists it', async () => {
    const world = createReviewWorld();
    await openAndCheckIn(world, 'UEDU1');
    await answerKeyFactor(world, 'UEDU1', ['Yes', 'Partly', 'No', "Don't know"]);
    const home = await world.inbound.receive({
      kind: 'homeOpened',
      actor: { platform: 'slack', id: 'UREV' },
    });
    expect(home.kind).toBe('home');
    const view = home.kind === 'home' ? home.view : undefined;
    expect(world.chat.text(view!)).toContain(
      '1 key factor waits for your review: Education · 1. Public commitment',
    );
    expect(world.chat.buttons(view!).map((b) => b.action)).toContainEqual({ kind: 'reviewOpen' });
    await world.person('UREV').act({ kind: 'reviewOpen' });
    expect(world.person('UREV').lastText()).toContain('Education · 1. Public commitment');

    const reply = await world.command('UREV', 'review');
    expect(world.chat.buttons(reply).filter((b) => b.label === 'Accept')).toHaveLength(4);
    // A contact is no reviewer.
    expect((await world.command('UEDU1', 'review')).text).toBe(
      'Only reviewers and coordinators take part in the peer review.',
    );
    // Once all is accepted, nothing waits.
    await world.person('UREV').click('Accept all');
    expect((await world.command('UREV', 'review')).text).toBe(
      'Nothing waits for your peer review in cycle 2027-Q1.',
    );
  });

  it('adds the review counts to the roll-up and the digest', async () => {
    const world = await reviewed();
    await world.command('UCOORD', 'digest now');
    const steering = world.chat
      .to('CSTEER')
      .map((m) => world.chat.text(m.view))
      .join('\n');
    expect(steering).toContain('• Peer review: 1 accepted · 1 changes requested · 2 not reviewed');
    await world.command('UCOORD', 'rollup now');
    const channel = world.chat
      .to('CCOORD')
      .map((m) => world.chat.text(m.view))
      .join('\n');
    expect(channel).toContain('Peer review: 1 accepted · 1 changes requested · 2 not reviewed');
  });
});
