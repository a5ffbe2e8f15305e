import { describe, expect, it } from 'vitest';
import { createPlatformMemoryRepository } from '../../src/people/platform-memory-repository.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
import { currentCard, rememberCard } from '../../src/teams/cards.ts';
import { dialogForm, rememberDialog, sentForm } from '../../src/teams/forms.ts';
import type { SentCard, SentForm } from '../../src/teams/references.ts';
import type { TeamsReach } from '../../src/teams/references.ts';

const eeva = { platform: 'teams' as const, kind: 'person' as const, id: 'eeva@city.fi' };
const version = (text: string) => ({
  type: 'AdaptiveCard' as const,
  version: '1.5',
  body: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text }] }],
});

function memory() {
  const clock = fixedClock(new Date('2027-01-04T08:00:00Z'));
  const store = openStore({ url: 'memory:', dataDir: '.', namespace: 'cards', clock });
  const kept = createPlatformMemoryRepository<TeamsReach, SentForm | SentCard>(store, 'teams');
  return { store, kept };
}

describe('the current version of a Teams card', () => {
  it('is the latest one kept, listed once for erasure however often it changed, and erased with the person', async () => {
    const { store, kept } = memory();
    const ref = { conversation: 'a:eeva', id: '1001' };
    await rememberCard(kept, ref, eeva, version('Question 1'));
    await rememberCard(kept, ref, eeva, version('Answered “Yes”'));
    expect((await currentCard(kept, 'a:eeva', '1001'))?.card).toEqual(version('Answered “Yes”'));
    // A card is not a form, and a form card of the same message id is not this card.
    expect(await sentForm(kept, 'a:eeva', '1001')).toBeUndefined();
    expect(await store.get<unknown[]>('teams-forms:eeva@city.fi')).toHaveLength(1);

    await kept.erase({ person: 'teams:eeva@city.fi', refs: [{ platform: 'teams', id: eeva.id }] });
    expect(await currentCard(kept, 'a:eeva', '1001')).toBeUndefined();
  });

  it('and a dialog’s form are kept apart, each under its own id', async () => {
    const { kept } = memory();
    const form = {
      title: 'Your answer',
      submitLabel: 'Save',
      context: { kind: 'resume' as const },
      fields: [],
    };
    await rememberDialog(kept, 'a:eeva', 'f:7', { form, to: eeva });
    await rememberCard(kept, { conversation: 'a:eeva', id: 'f:7' }, eeva, version('Q'));
    expect((await dialogForm(kept, 'a:eeva', 'f:7'))?.form).toEqual(form);
    expect((await currentCard(kept, 'a:eeva', 'f:7'))?.card).toEqual(version('Q'));
    expect(await dialogForm(kept, 'a:other', 'f:7')).toBeUndefined();
  });
});
