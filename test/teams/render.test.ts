import { describe, expect, it } from 'vitest';
import type { FormView } from '../../src/chat/views.ts';
import { messageCard } from '../../src/teams/render/card.ts';
import { formCard, readSubmittedForm, type FormTexts } from '../../src/teams/render/form-card.ts';
import { cardText } from './harness.ts';

const texts: FormTexts = {
  linkTitles: Array.from({ length: 10 }, (_, i) => `Title ${i + 1}`),
  peoplePlaceholder: 'Type a name',
};

const explainForm: FormView = {
  title: 'Your answer',
  submitLabel: 'Save',
  context: { kind: 'explain', cycle: 'C', department: 'd', question: 'KF01.Q1', revision: 0 },
  intro: 'Question',
  fields: [
    { id: 'status', type: 'choice', label: 'Answer', options: [{ value: 'yes', label: 'Yes' }] },
    { id: 'explanation', type: 'text', label: 'Explanation', multiline: true, maxLength: 3000 },
    { id: 'evidence', type: 'links', label: 'Link', max: 10, optional: true },
  ],
};

describe('Adaptive Cards for Teams', () => {
  it('show every text exactly as written, never as Markdown', () => {
    const card = messageCard({
      text: 'fallback',
      blocks: [
        { type: 'header', text: '1. Public commitment' },
        { type: 'quote', text: '**bold** [x](https://evil.example)\n- not a list', author: 'Eeva' },
        { type: 'links', links: [{ url: 'https://www.hel.fi/a)b', title: '[Mayor](x)' }] },
      ],
    });
    const json = JSON.stringify(card);
    expect(json).not.toContain('"type":"TextBlock"');
    expect(cardText(card)).toBe(
      [
        '1. Public commitment',
        '**bold** [x](https://evil.example)',
        '- not a list',
        '— Eeva',
        '• [Mayor](x) (www.hel.fi)',
      ].join('\n'),
    );
    expect(json).toContain(
      '"selectAction":{"type":"Action.OpenUrl","url":"https://www.hel.fi/a)b"}',
    );
  });

  it('never make a link of anything but http(s)', () => {
    const card = messageCard({
      text: '',
      blocks: [{ type: 'links', links: [{ url: 'javascript:alert(1)', title: 'Click' }] }],
    });
    expect(JSON.stringify(card)).not.toContain('Action.OpenUrl');
    expect(cardText(card)).toBe('• javascript:alert(1)');
  });

  it('carry a button’s action back in its submit data', () => {
    const action = { kind: 'resume' } as const;
    const card = messageCard({
      text: '',
      blocks: [
        {
          type: 'actions',
          buttons: Array.from({ length: 8 }, (_, i) => ({ label: `B${i}`, action })),
        },
      ],
    });
    const set = card.body[0] as { actions: { data: unknown }[] };
    expect(set.actions).toHaveLength(6);
    expect(set.actions[0]?.data).toEqual({ tasa: action });
  });

  it('read a submitted form back as the engine expects it, and show it again with what was typed', () => {
    const card = formCard(explainForm, texts, []);
    const submit = (card.actions as { data: Record<string, unknown> }[])[0]!;
    const value = {
      ...submit.data,
      status: 'yes',
      explanation: 'Because',
      'evidence.0.url': 'https://a.example',
      'evidence.0.title': 'A',
      'evidence.1.url': 'ftp://b.example',
      'evidence.1.title': '',
      'evidence.2.url': '',
      'evidence.2.title': '',
    };
    const read = readSubmittedForm(value)!;
    expect(read.context).toEqual(explainForm.context);
    expect(read.values).toEqual({
      status: 'yes',
      explanation: 'Because',
      evidence: [{ url: 'https://a.example', title: 'A' }, { url: 'ftp://b.example' }, { url: '' }],
    });
    const again = formCard(explainForm, texts, [], {
      typed: read.typed,
      errors: { 'evidence.1': 'Link 2 must start with https://', _form: 'Out of date' },
    });
    const text = cardText(again);
    expect(text).toContain('Out of date');
    expect(text).toContain('Link 2: ftp://b.example\nTitle 2: \nLink 2 must start with https://');
    expect(JSON.stringify(again)).toContain('"maxLength":3000');
  });

  it('let a colleague be picked from the directory, or from the configured people', () => {
    const card = formCard(
      {
        title: 'Hand over',
        submitLabel: 'Hand over',
        context: { kind: 'handOver', cycle: 'C', department: 'd', keyFactor: 'KF01' },
        fields: [{ id: 'colleague', type: 'person', label: 'Colleague' }],
      },
      texts,
      [{ id: 'eeva@city.fi', name: 'Eeva' }],
    );
    expect(card.body).toContainEqual(
      expect.objectContaining({
        type: 'Input.ChoiceSet',
        id: 'colleague',
        style: 'filtered',
        choices: [{ title: 'Eeva', value: 'eeva@city.fi' }],
        'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
      }),
    );
  });
});
