import { describe, expect, it } from 'vitest';
import { cityConfig, createWorld, parsedConfig } from '../helpers/world.ts';
import { say } from './say.ts';

describe('administration in chat', () => {
  it('adds and removes contacts, departments and coordinators, each change in the history', async () => {
    const world = createWorld();
    await world.core.settings.load(world.config);
    const admin = (text: string) => say(world.core, 'UCOORD', `admin ${text}`);

    expect(await admin('contact add culture <@UCULT2|kirsi>')).toContain(
      'UCULT2 is now a contact of Culture.',
    );
    expect(world.core.directory.contactsOf('culture')).toEqual(['slack:UCULT1', 'slack:UCULT2']);
    expect(await admin('contact remove culture UCULT1')).toContain(
      'Kalle Kulttuuri is no longer a contact of Culture.',
    );
    expect(await admin('department add social Social services <@USOC1>')).toContain(
      'Department Social services (social) added.',
    );
    expect(await admin('department rename social Social and health services')).toContain(
      'social is now called Social and health services (was Social services).',
    );
    expect(await admin('keyfactors social KF01,KF04')).toContain(
      'Social and health services is now asked KF01, KF04 (was all key factors)',
    );
    expect(await admin('department retire culture')).toContain('Culture is retired');
    expect(await admin('coordinator add maria@city.example')).toContain(
      'maria@city.example is now a coordinator.',
    );
    expect(await admin('coordinator remove maria@city.example')).toContain(
      'maria@city.example is no longer a coordinator.',
    );

    const history = await admin('history');
    const lines = history.split('\n').slice(1);
    expect(lines.map((line) => line.replace(/^.* · /, ''))).toEqual([
      'Kaisa Koordinaattori: removed coordinator maria@city.example',
      'Kaisa Koordinaattori: added coordinator maria@city.example',
      'Kaisa Koordinaattori: retired culture',
      'Kaisa Koordinaattori: key factors of social set to KF01, KF04 (was all key factors)',
      'Kaisa Koordinaattori: renamed social to Social and health services (was Social services)',
      'Kaisa Koordinaattori: added department social (Social services)',
      'Kaisa Koordinaattori: removed Kalle Kulttuuri as a contact of culture',
      'Kaisa Koordinaattori: added UCULT2 as a contact of culture',
      'tasa.yaml: configuration taken from the file (2 departments)',
    ]);
    expect(lines[0]).toMatch(/^2027-01-04 08:00 UTC · /);
    const logged = world.logger.lines.filter((e) => e.message === 'configuration changed in chat');
    expect(logged.map((e) => e.fields)).toContainEqual(
      expect.objectContaining({
        by: 'slack:UCOORD',
        change: 'contactAdded',
        department: 'culture',
        person: 'slack:UCULT2',
      }),
    );
    expect(logged).toHaveLength(8);
  });

  it('lets only coordinators administer', async () => {
    const world = createWorld();
    const reply = await say(world.core, 'UEDU1', 'admin contact add education <@UEDU3>');
    expect(reply).toContain('coordinators');
    expect(world.core.directory.contactsOf('education')).not.toContain('slack:UEDU3');
    expect(await world.core.settings.repository.history(10)).toEqual([]);
  });

  it('keeps the last coordinator and the last contact', async () => {
    const world = createWorld();
    expect(await say(world.core, 'UCOORD', 'admin coordinator remove <@UCOORD>')).toContain(
      'They are the last coordinator: add another coordinator first.',
    );
    expect(world.core.directory.coordinators()).toEqual(['slack:UCOORD']);
    expect(await say(world.core, 'UCOORD', 'admin contact remove culture <@UCULT1>')).toContain(
      'They are the last contact of culture',
    );
  });

  it('checks ids and key factors with the messages of check-config', async () => {
    const world = createWorld();
    const admin = (text: string) => say(world.core, 'UCOORD', `admin ${text}`);
    expect(await admin('department add Social_Services Social <@USOC1>')).toContain(
      'departments[2].id: expected a short id of lower-case letters, digits and dashes, such as social-services (found “Social_Services”)',
    );
    expect(await admin('contact add culture X12')).toContain(
      'departments[1].contacts[1].slack: expected a Slack user id such as U012AB3CD (found “X12”)',
    );
    expect(await admin('contact add culture maria@city')).toContain(
      'expected a Teams user id such as 29:1a2b3c…, an Entra object id or an e-mail address (found “maria@city”)',
    );
    expect(await admin('keyfactors culture KF01,KF99')).toContain(
      'KF99 is not a key factor of integrating-cities',
    );
    expect(await admin('contact add nowhere <@UX12345>')).toContain(
      'There is no department nowhere.',
    );
    expect(await world.core.settings.repository.history(10)).toEqual([]);
  });
});

describe('reviewers administered in chat', () => {
  it('adds and removes a reviewer; coordinators review whoever else does', async () => {
    const world = createWorld();
    const admin = (text: string) => say(world.core, 'UCOORD', `admin ${text}`);
    expect(world.core.directory.isReviewer('slack:UPEER1')).toBe(false);
    expect(await admin('reviewer add <@UPEER1>')).toBe(
      'UPEER1 now reviews the departments’ answers.',
    );
    expect(world.core.directory.isReviewer('slack:UPEER1')).toBe(true);
    expect(await admin('reviewer add <@UPEER1>')).toBe('They already are a reviewer.');
    expect(await admin('reviewer remove <@UPEER1>')).toBe(
      'UPEER1 no longer reviews the departments’ answers.',
    );
    expect(world.core.directory.reviewers()).toEqual(['slack:UCOORD']);
    expect(await admin('history')).toContain('added reviewer UPEER1');
  });
});

describe('people named by e-mail', () => {
  it('a contact named only by e-mail in tasa.yaml is found and removed by that address', async () => {
    const config = parsedConfig(
      cityConfig.replace(
        'contacts: [ { slack: UCULT1, name: Kalle Kulttuuri } ]',
        'contacts: [ { slack: UCULT1, name: Kalle Kulttuuri }, { email: Kirsi.Kulttuuri@city.example } ]',
      ),
    );
    const world = createWorld({ config });
    await world.core.settings.load(world.config);
    expect(world.core.directory.contactsOf('culture')).toEqual([
      'slack:UCULT1',
      'email:kirsi.kulttuuri@city.example',
    ]);
    expect(
      await say(world.core, 'UCOORD', 'admin contact remove culture kirsi.kulttuuri@city.example'),
    ).toContain('is no longer a contact of Culture.');
    expect(world.core.directory.contactsOf('culture')).toEqual(['slack:UCULT1']);
  });
});
