import { describe, expect, it } from 'vitest';
import { createDownloadsRepository } from '../../src/downloads/downloads-repository.ts';
import { createDownloads } from '../../src/downloads/downloads.ts';
import { signToken, verifyToken } from '../../src/downloads/token.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';

const clock = fixedClock(new Date('2027-01-04T08:00:00Z'));
const secret = 'another-test-secret-of-32-characters!';
const subject = { person: 'teams:29:coord', refs: [{ platform: 'teams', id: '29:coord' }] };

function setUp() {
  const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'downloads', clock });
  const repository = createDownloadsRepository(store);
  const downloads = createDownloads(
    { publicUrl: 'https://tasa.example.fi/', secret, lifetimeMs: 15 * 60_000 },
    repository,
    clock,
  );
  return { repository, downloads };
}

const idOf = (url: string): string =>
  verifyToken(secret, new URL(url).searchParams.get('t') ?? '')?.id ?? '';

describe('download links', () => {
  it('signs the id and expiry together: changing either breaks the signature', () => {
    const token = signToken(secret, { id: 'abc', expiresAt: 1_000 });
    expect(verifyToken(secret, token)).toEqual({ id: 'abc', expiresAt: 1_000 });
    expect(verifyToken(secret, token.replace('abc', 'abd'))).toBeUndefined();
    expect(verifyToken(secret, token.replace('.1000.', '.2000.'))).toBeUndefined();
    expect(verifyToken(`${secret}x`, token)).toBeUndefined();
  });

  it('hands a file over once, and not after it expired', async () => {
    const { repository, downloads } = setUp();
    const [a, b] = await downloads.publish(subject.person, [
      { name: 'a.csv', mediaType: 'text/csv', content: 'ä;b\n' },
      { name: 'b.csv', mediaType: 'text/csv', content: new Uint8Array([1, 2]) },
    ]);
    expect(a?.url).toMatch(/^https:\/\/tasa\.example\.fi\/download\?t=/);
    const taken = await repository.take(idOf(a?.url ?? ''), clock.now());
    expect(Buffer.from(taken?.content ?? '', 'base64').toString('utf8')).toBe('ä;b\n');
    expect(await repository.take(idOf(a?.url ?? ''), clock.now())).toBeUndefined();
    const late = new Date(clock.now().getTime() + 15 * 60_000);
    expect(await repository.take(idOf(b?.url ?? ''), late)).toBeUndefined();
  });

  it('lists a person’s pending files without their content, and erases them', async () => {
    const { repository, downloads } = setUp();
    const [link] = await downloads.publish(subject.person, [
      { name: 'report.html', mediaType: 'text/html', content: '<p>x</p>' },
    ]);
    expect(await repository.export(subject)).toEqual({
      downloads: [
        {
          name: 'report.html',
          createdAt: '2027-01-04T08:00:00.000Z',
          expiresAt: '2027-01-04T08:15:00.000Z',
        },
      ],
    });
    await repository.erase(subject);
    expect(await repository.export(subject)).toEqual({ downloads: [] });
    expect(await repository.take(idOf(link?.url ?? ''), clock.now())).toBeUndefined();
  });

  it('makes no link without a public address', async () => {
    const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'none', clock });
    const off = createDownloads(
      { secret, lifetimeMs: 60_000 },
      createDownloadsRepository(store),
      clock,
    );
    expect(off.enabled).toBe(false);
  });
});
