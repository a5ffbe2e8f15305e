import { describe, expect, it } from 'vitest';
import { privacyOf } from '../../src/core.ts';
import { createWorld } from '../helpers/world.ts';
import { say } from './say.ts';

describe('the administration’s share of a privacy request', () => {
  it('exports where a person is configured and what was changed about them, and erases both', async () => {
    const world = createWorld();
    await world.core.fileEdited({ ok: true, config: world.config });
    await say(world.core, 'UCOORD', 'admin contact add culture <@UCULT2>');
    await say(world.core, 'UCOORD', 'admin coordinator add <@UCULT2>');
    const privacy = privacyOf(world.store, world.core.directory);

    const exported = await privacy.export('slack:UCULT2', world.clock.now());
    expect(exported).toMatchObject({
      configuredAs: ['coordinators', 'departments.culture.contacts'],
      administration: [
        expect.objectContaining({
          by: 'slack:UCOORD',
          change: expect.objectContaining({ kind: 'contactAdded', person: 'slack:UCULT2' }),
        }),
        expect.objectContaining({ change: expect.objectContaining({ kind: 'coordinatorAdded' }) }),
      ],
    });

    expect(await privacy.erase('slack:UCULT2')).toMatchObject({ administration: 4 });
    await say(world.core, 'UCOORD', 'help');
    expect(world.core.directory.contactsOf('culture')).toEqual(['slack:UCULT1']);
    expect(world.core.directory.isCoordinator('slack:UCULT2')).toBe(false);
    const history = await say(world.core, 'UCOORD', 'admin history');
    expect(history).toContain('added (erased) as a contact of culture');
    expect(history).not.toContain('UCULT2');
  });
});
