import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { createItems } from '../../src/action-plans/repository.ts';
import { checkInsJob } from '../../src/checkins/schedule.ts';
import { openCycle } from '../../src/cycles/lifecycle.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { openStore } from '../../src/store/open.ts';
import { cliOn } from '../helpers/cli.ts';
import { parsedConfig } from '../helpers/world.ts';
import { startTeamsTasa, users, waitFor } from '../teams/harness.ts';
import { drive } from '../helpers/drive.ts';

// Eeva uses both platforms: Slack by her user id, Teams by her e-mail (matched
// through the member lookup, which records her 29: id and Entra object id as aliases).
const config = `organization: { name: Testikaupunki, locale: en, timezone: Europe/Helsinki, holidays: FI }
frameworks: [integrating-cities]
coordinators: [ { teams: "29:coord", name: Kaisa Koordinaattori } ]
channels: { coordination: { teams: "19:coordination@thread.tacv2" } }
departments:
  - id: education
    name: { fi: Kasvatus ja koulutus, sv: Fostran och utbildning, en: Education }
    contacts: [ { slack: UEDU1, teams: eeva.opettaja@testikaupunki.fi, name: Eeva Opettaja }, { slack: UEDU2, name: Erkki Rehtori } ]
    keyFactors: [KF01, KF06]
`;
const eeva = users.eeva;
// Her personal chat's id, as opaque as Teams makes it.
const eevaChat = 'a:1f7e2d9c-personal';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every row of every table in the SQLite file, keys and values, as text. */
function everyRow(file: string): string[] {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all();
    return tables.flatMap(({ name }) =>
      db
        .prepare(`SELECT * FROM "${String(name)}"`)
        .all()
        .map((row) => `${String(name)}: ${JSON.stringify(row)}`),
    );
  } finally {
    db.close();
  }
}

describe('erasing a person who used Slack and Teams', () => {
  it('leaves none of their ids, e-mail or aliases in any stored key or value', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tasa-erase-'));
    const file = join(dir, 'tasa.sqlite');
    const clock = fixedClock(new Date('2027-01-04T08:00:00Z'));
    const open = () =>
      openStore({ url: `sqlite://${file}`, dataDir: dir ?? '.', namespace: 'city', clock });
    const world = await startTeamsTasa({ config, store: open() });
    const { tasa } = world;
    const cycle = await openCycle(tasa.cycleDeps, {
      name: '2027-Q1',
      dueDate: '2027-02-15',
      by: 'teams:29:coord',
    });
    expect(cycle.ok).toBe(true);

    // In Teams: installs, asks for her questions, answers one and explains it in a form card.
    const teams = world.person(eeva, 'en-US', eevaChat);
    await teams.install();
    await teams.say('my', 'Your open questions');
    await teams.click(teams.lastText().match(/\[(Continue[^\]]*)\]/)?.[1] ?? 'Continue');
    await waitFor(() => teams.lastText().includes('[Start]'));
    await teams.click('Start');
    await waitFor(() => teams.lastText().includes('question 1 of 4'));
    await teams.click('Yes');
    await waitFor(() => teams.lastText().includes('question 2 of 4'));
    await teams.click('Explain and add evidence');
    await waitFor(() => teams.lastText().includes('[Save]'));
    await teams.submit({ status: 'partly', explanation: 'Eeva wrote this in Teams.' });
    await waitFor(() => teams.texts().some((t) => t.includes('Saved')));

    // In Slack: answers the next question; a colleague hands her a key factor.
    const engine = drive(tasa.core);
    const where = { cycle: '2027-Q1', department: 'education' };
    await engine.handleAction(
      { platform: 'slack', id: 'UEDU1', locale: 'fi-FI' },
      { kind: 'answer', ...where, question: 'KF01.Q3', status: 'yes', revision: 0 },
    );
    expect(
      await engine.submitForm(
        { platform: 'slack', id: 'UEDU2' },
        { kind: 'handOver', ...where, keyFactor: 'KF06' },
        { colleague: 'UEDU1' },
      ),
    ).toMatchObject({ ok: true });
    await createItems(world.store, [
      {
        title: 'Staff training',
        description: '',
        serves: [{ framework: 'integrating-cities', item: 'KF08' }],
        owners: ['slack:UEDU1', 'slack:UEDU2'],
        due: '2027-06-30',
        status: 'in_progress',
        notes: [{ text: 'First course held.', by: 'slack:UEDU1', at: '2027-01-04T08:00:00.000Z' }],
        evidence: [],
        created: { by: 'slack:UEDU1', at: '2027-01-04T08:00:00.000Z' },
        history: [],
      },
    ]);
    // Monday's scheduled check-in reaches her through the outbox, and one for Tuesday waits in it.
    const { core } = tasa;
    const checkIns = checkInsJob(
      {
        store: world.store,
        logger: world.logger,
        outbox: core.outbox,
        calendar: core.calendar,
        directory: core.directory,
      },
      '0 9 * * 1',
    );
    await checkIns.run({ id: '2027-01-11T09:00', firesAt: new Date('2027-01-11T07:00:00Z') });
    const monday = 'outbox:item:checkIns:2027-01-11T09:00:slack:UEDU1';
    expect(await world.store.get(monday)).toMatchObject({ state: 'sent' });
    await core.outbox.enqueue('checkIns:2027-01-12T09:00', [
      {
        key: 'slack:UEDU1',
        kind: 'checkIn',
        to: { platform: 'teams', kind: 'person', id: eeva.email },
        payload: { person: 'slack:UEDU1', cycle: '2027-Q1', day: '2027-01-12' },
      },
    ]);
    await tasa.stop();

    const traces = [
      eevaChat,
      'UEDU1',
      eeva.id,
      eeva.aadObjectId.toLowerCase(),
      eeva.email.toLowerCase(),
      'eeva.opettaja',
    ];
    const found = (rows: string[]) =>
      rows.filter((row) => traces.some((trace) => row.toLowerCase().includes(trace.toLowerCase())));
    // She is there before: in records, action items, preferences, the hand-over index, Teams'
    // memory, and the outbox (a check-in sent, one waiting, and the batches listing them).
    const before = found(everyRow(file)).join('\n');
    for (const key of [
      'teams-alias:29:eeva',
      'teams-ref:',
      'teams-form:',
      'handovers:',
      'person:',
      monday,
      'outbox:item:checkIns:2027-01-12T09:00:slack:UEDU1',
      'outbox:batch:checkIns:2027-01-11T09:00',
    ])
      expect(before).toContain(key);

    const store = open();
    const { code, out, err } = await cliOn(() => ({
      config: parsedConfig(config),
      store,
      close: () => store.close(),
    }))('privacy', 'erase', 'UEDU1', '--yes');
    expect([...out, ...err]).toEqual([
      'Erased slack:UEDU1: 1 department records and 1 action items changed.',
    ]);
    expect(code).toBe(0);

    expect(found(everyRow(file))).toEqual([]);
    await world.connector.close();
  });
});
