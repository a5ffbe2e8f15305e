import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardOf, cardText, coordinationChannel, startTeamsTasa, users } from './harness.ts';

/*
 * The real Teams adapter over HTTP against a fake Bot Connector: the roll-up's
 * detail goes into the summary's thread, and `export` arrives as single-use,
 * short-lived download links served by Tasa itself.
 */

const publicUrl = 'https://tasa.testikaupunki.fi';
let world: Awaited<ReturnType<typeof startTeamsTasa>>;

beforeEach(async () => {
  world = await startTeamsTasa({
    downloads: { publicUrl, secret: 'a-test-secret-of-at-least-32-characters' },
  });
  for (const user of [users.coordinator, users.eeva, users.erkki, users.kalle])
    await world.person(user).install();
  await world.installInTeam(users.coordinator);
});
afterEach(async () => {
  await world.stop();
});

/** Where a card's links go (each link line opens its URL). */
const linksIn = (card: unknown): string[] =>
  [...JSON.stringify(card).matchAll(/"type":"Action.OpenUrl","url":"([^"]+)"/g)].map(
    (m) => m[1] ?? '',
  );

/** The link as it reaches this test's Tasa: the same path and token on the local port. */
const local = (link: string): string => {
  const url = new URL(link);
  return `http://127.0.0.1:${world.tasa.port}${url.pathname}${url.search}`;
};

const download = (link: string) =>
  fetch(local(link), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ t: new URL(link).searchParams.get('t') ?? '' }).toString(),
  });

async function exportLinks(): Promise<string[]> {
  const coordinator = world.person(users.coordinator);
  await coordinator.say('cycle start 2027-Q1 15.2.2027', 'Cycle 2027-Q1 is open');
  await coordinator.say('export', 'The export of cycle 2027-Q1 is in your direct messages.');
  const message = coordinator
    .cards()
    .find((a) => cardText(cardOf(a)).includes('Tasa export of cycle 2027-Q1'));
  expect(cardText(cardOf(message))).toContain('Each link works once and for 15 minutes');
  return linksIn(cardOf(message));
}

describe('Teams: threads and files', () => {
  it('posts the roll-up’s detail as a reply in the summary’s thread', async () => {
    const coordinator = world.person(users.coordinator);
    await coordinator.say('cycle start 2027-Q1 15.2.2027', 'Cycle 2027-Q1 is open');
    await coordinator.say('rollup now', 'roll-up');
    const top = world.connector.activitiesIn(coordinationChannel);
    const summary = top.find((a) => cardText(cardOf(a)).includes('Roll-up · cycle 2027-Q1'));
    expect(summary).toBeDefined();
    expect(cardText(cardOf(summary))).toContain('the thread');
    // Nothing of the detail is posted at the top of the channel.
    expect(top.some((a) => cardText(cardOf(a)).includes('Per department'))).toBe(false);
    const thread = world.connector.activitiesIn(
      `${coordinationChannel};messageid=${summary?.id ?? ''}`,
    );
    expect(thread).toHaveLength(1);
    expect(cardText(cardOf(thread[0]))).toContain('Per department');
  });

  it('shows status as a table, one row per department', async () => {
    const coordinator = world.person(users.coordinator);
    await coordinator.say('cycle start 2027-Q1 15.2.2027', 'Cycle 2027-Q1 is open');
    await coordinator.say('status', 'Cycle 2027-Q1');
    const card = JSON.stringify(cardOf(coordinator.cards().at(-1)));
    expect(card).toContain('"type":"Table"');
    expect(card).toContain('"text":"Education"');
    expect(card).toContain('"text":"Culture"');
  });

  it('delivers the export as one link per file that hands the file over once', async () => {
    const links = await exportLinks();
    expect(links.map((l) => new URL(l).origin)).toEqual(links.map(() => publicUrl));
    expect(links.length).toBe(5);

    // Opening the link (as a link scanner would) shows a page and takes nothing.
    const page = await fetch(local(links[0] ?? ''));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Download the file');

    const first = await download(links[0] ?? '');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/);
    expect((await first.arrayBuffer()).byteLength).toBeGreaterThan(0);

    const again = await download(links[0] ?? '');
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('has expired or has already been used');
    // The other files' links are still good.
    expect((await download(links[1] ?? '')).status).toBe(200);
  });

  it('refuses a link after 15 minutes', async () => {
    const links = await exportLinks();
    world.clock.advance(15 * 60_000 + 1);
    const late = await download(links[0] ?? '');
    expect(late.status).toBe(410);
    expect((await fetch(local(links[0] ?? ''))).status).toBe(410);
  });

  it('refuses forged and altered tokens', async () => {
    const links = await exportLinks();
    const token = new URL(links[0] ?? '').searchParams.get('t') ?? '';
    const [id, expiry, signature] = token.split('.');
    const forged = [
      `${id}.${expiry}.${'A'.repeat(signature?.length ?? 43)}`,
      // A later expiry with the old signature.
      `${id}.${Number(expiry) + 3_600_000}.${signature}`,
      `${id}.${expiry}`,
      'not-a-token',
    ];
    for (const t of forged) {
      const answer = await download(`${publicUrl}/download?t=${encodeURIComponent(t)}`);
      expect(answer.status).toBe(404);
      expect(await answer.text()).toContain('This download link is not valid.');
    }
    // The genuine link was not used up by the forgeries.
    expect((await download(links[0] ?? '')).status).toBe(200);
  });

  it('says so when no public address is set, rather than failing', async () => {
    await world.stop();
    world = await startTeamsTasa();
    const coordinator = world.person(users.coordinator);
    await coordinator.install();
    await coordinator.say('cycle start 2027-Q1 15.2.2027', 'Cycle 2027-Q1 is open');
    const answer = await coordinator.say('export', 'TASA_PUBLIC_URL');
    expect(answer.reply).toContain('download links need Tasa’s public address');
  });
});
