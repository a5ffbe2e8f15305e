import { describe, expect, it } from 'vitest';
import { adminHomeBlocks } from '../../src/admin/home.ts';
import { i18nFor } from '../helpers/i18n.ts';
import { cityConfig, parsedConfig } from '../helpers/world.ts';

/** The test city with this many more departments, each with one contact. */
function cityWith(extra: number) {
  const departments = Array.from(
    { length: extra },
    (_, i) =>
      `  - id: department-${i}\n    name: Department number ${i} of the city\n    contacts: [ { slack: UDEP${i}, name: Contact person number ${i} } ]\n`,
  ).join('');
  return parsedConfig(`${cityConfig}${departments}`);
}

describe('the administration section of a coordinator’s home', () => {
  const { t } = i18nFor('en');

  it('gives a small city’s departments their own line and buttons', () => {
    const blocks = adminHomeBlocks(parsedConfig(), t, 'en');
    expect(blocks.map((b) => b.type)).toEqual(['header', 'text', 'actions', 'text', 'actions']);
  });

  it('keeps a large city’s home within Slack’s limits, with a button for every department', () => {
    const blocks = adminHomeBlocks(cityWith(60), t, 'en');
    expect(blocks.length).toBeLessThan(20);
    for (const block of blocks) {
      if (block.type === 'text') expect(block.text.length).toBeLessThanOrEqual(3_000);
      if (block.type === 'actions') expect(block.buttons.length).toBeLessThanOrEqual(25);
    }
    const text = blocks.map((b) => (b.type === 'text' ? b.text : '')).join('\n');
    expect(text).toContain(
      'Department number 59 of the city (department-59): Contact person number 59',
    );
    const buttons = blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
    expect(buttons).toHaveLength(62 * 2);
    expect(buttons.at(-2)?.action).toEqual({
      kind: 'adminContactAdd',
      department: 'department-59',
    });
  });
});
