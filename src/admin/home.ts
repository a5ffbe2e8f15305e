import type { Block, Button } from '../chat/views.ts';
import type { OrganizationConfig } from '../config/schema.ts';
import type { Translator } from '../i18n/create.ts';
import type { Language } from '../i18n/languages.ts';
import { departmentLabel } from './messages.ts';
import { personLabel } from './people-part.ts';

/** Up to this many departments, each has its own line and buttons. */
const oneByOne = 12;
/** Slack takes 25 buttons in a row of actions and 3,000 characters in a text; a home, 100 blocks. */
const buttonsPerRow = 24;
const charactersPerText = 2_500;

/** Lines joined into as few texts as fit. */
function packed(lines: string[]): Block[] {
  const texts: string[] = [];
  for (const line of lines) {
    const last = texts.at(-1);
    if (last !== undefined && last.length + line.length + 1 <= charactersPerText)
      texts[texts.length - 1] = `${last}\n${line}`;
    else texts.push(line);
  }
  return texts.map((text) => ({ type: 'text', text }));
}

/**
 * The coordinators' part of their home: each department with its contacts,
 * and buttons that open the forms to add or remove a contact. A large city's
 * departments are listed together, their buttons in rows, so the home stays
 * within what Slack shows.
 */
export function adminHomeBlocks(
  config: OrganizationConfig,
  t: Translator,
  language: Language,
): Block[] {
  const rows = config.departments.map((department) => {
    const name = departmentLabel(config, department.id, language);
    const heading = t(department.retired ? 'admin:home.retired' : 'admin:home.department', {
      name,
      id: department.id,
    });
    const buttons: Button[] = department.retired
      ? []
      : [
          {
            label: t('admin:home.addContact', { department: name }),
            action: { kind: 'adminContactAdd', department: department.id },
          },
          {
            label: t('admin:home.removeContact', { department: name }),
            action: { kind: 'adminContactRemove', department: department.id },
          },
        ];
    return { line: `${heading}: ${department.contacts.map(personLabel).join(', ')}`, buttons };
  });
  const header: Block = { type: 'header', text: t('admin:home.title') };
  if (rows.length <= oneByOne)
    return [
      header,
      ...rows.flatMap(({ line, buttons }): Block[] => [
        { type: 'text', text: line },
        ...(buttons.length > 0 ? [{ type: 'actions' as const, buttons }] : []),
      ]),
    ];
  const buttons = rows.flatMap((row) => row.buttons);
  const actions: Block[] = [];
  for (let i = 0; i < buttons.length; i += buttonsPerRow)
    actions.push({ type: 'actions', buttons: buttons.slice(i, i + buttonsPerRow) });
  return [header, ...packed(rows.map((row) => row.line)), ...actions];
}
