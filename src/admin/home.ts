import type { Block } from '../chat/views.ts';
import type { OrganizationConfig } from '../config/schema.ts';
import type { Translator } from '../i18n/create.ts';
import type { Language } from '../i18n/languages.ts';
import { departmentLabel } from './messages.ts';
import { personLabel } from './people-part.ts';

/**
 * The coordinators' part of their home: each department with its contacts,
 * and buttons that open the forms to add or remove a contact.
 */
export function adminHomeBlocks(
  config: OrganizationConfig,
  t: Translator,
  language: Language,
): Block[] {
  const blocks: Block[] = [{ type: 'header', text: t('admin:home.title') }];
  for (const department of config.departments) {
    const name = departmentLabel(config, department.id, language);
    const heading = t(department.retired ? 'admin:home.retired' : 'admin:home.department', {
      name,
      id: department.id,
    });
    blocks.push({
      type: 'text',
      text: `${heading}: ${department.contacts.map(personLabel).join(', ')}`,
    });
    if (department.retired) continue;
    blocks.push({
      type: 'actions',
      buttons: [
        {
          label: t('admin:home.addContact', { department: name }),
          action: { kind: 'adminContactAdd', department: department.id },
        },
        {
          label: t('admin:home.removeContact', { department: name }),
          action: { kind: 'adminContactRemove', department: department.id },
        },
      ],
    });
  }
  return blocks;
}
