import { describe, expect, it } from 'vitest';
import { createPlatformMemoryRepository } from '../../src/people/platform-memory-repository.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';

const subject = {
  person: 'slack:UEDU1',
  refs: [
    { platform: 'slack' as const, id: 'UEDU1' },
    { platform: 'teams' as const, id: 'eeva@city.fi' },
  ],
};

describe('platform references as a share of a data-subject request', () => {
  it('erases aliases recorded before they were indexed, found through the reach', async () => {
    const clock = fixedClock(new Date('2027-01-04T08:00:00Z'));
    const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'memory', clock });
    // As kept before the index of aliases existed.
    await store.set('teams-ref:eeva@city.fi', {
      reference: { user: { id: '29:eeva', aadObjectId: 'AAD-EEVA' }, conversation: { id: 'a:1' } },
    });
    await store.set('teams-alias:29:eeva', 'eeva@city.fi');
    await store.set('teams-alias:aad-eeva', 'eeva@city.fi');
    // Someone else's alias, also named in her reach (a shared conversation): left alone.
    await store.set('teams-alias:a:1', 'erkki@city.fi');
    const memory = createPlatformMemoryRepository(store, 'teams');
    await memory.alias(['Eeva.Later@City.fi'], 'eeva@city.fi');

    expect(await memory.export(subject)).toEqual({
      platformReferences: [
        expect.objectContaining({
          id: 'eeva@city.fi',
          aliases: expect.arrayContaining(['eeva.later@city.fi', '29:eeva', 'AAD-EEVA']),
        }),
      ],
    });
    await memory.erase(subject);
    for (const key of ['29:eeva', 'aad-eeva', 'eeva.later@city.fi'])
      expect(await store.get(`teams-alias:${key}`)).toBeUndefined();
    expect(await store.get('teams-ref:eeva@city.fi')).toBeUndefined();
    expect(await store.get('teams-aliases:eeva@city.fi')).toBeUndefined();
    expect(await store.get('teams-alias:a:1')).toBe('erkki@city.fi');
  });

  it('erases the form cards sent to the person', async () => {
    const clock = fixedClock(new Date('2027-01-04T08:00:00Z'));
    const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'forms', clock });
    const memory = createPlatformMemoryRepository<unknown, { typed: string }>(store, 'teams');
    await memory.rememberForm(
      { conversation: 'a:1', id: '7' },
      'eeva@city.fi',
      { typed: 'x' },
      60_000,
    );
    await memory.rememberForm(
      { conversation: 'a:2', id: '8' },
      'erkki@city.fi',
      { typed: 'y' },
      60_000,
    );
    expect(await memory.sentForm({ conversation: 'a:1', id: '7' })).toEqual({ typed: 'x' });
    await memory.erase(subject);
    expect(await memory.sentForm({ conversation: 'a:1', id: '7' })).toBeUndefined();
    expect(await memory.sentForm({ conversation: 'a:2', id: '8' })).toEqual({ typed: 'y' });
  });
});
