import type { Block, MessageView } from '../chat/views.ts';
import { openCycleOf } from '../cycles/repository.ts';
import type { Translator } from '../i18n/create.ts';
import type { Language } from '../i18n/languages.ts';
import { administer, extendOpenCycle, type AdminDeps } from './administer.ts';
import type { AdminRequest } from './changes.ts';
import {
  changedText,
  departmentLabel,
  historyView,
  notChangedText,
  openCycleText,
  textView,
  type Names,
} from './messages.ts';
import { asksDepartment } from './open-cycle.ts';
import { personKeyOf, personLabel } from './people-part.ts';

/** Who asks for a change, and how to speak to them. */
export interface Asker {
  person: string;
  language: Language;
  t: Translator;
  names: Names;
}

const idOf = (key: string): string => key.slice(key.indexOf(':') + 1);

/**
 * Makes a coordinator's change and says what came of it. A change that widens
 * what a department is asked offers to widen the open cycle too (a button),
 * or does so at once when asked to (`toOpenCycle`).
 */
export async function changeAndReply(
  deps: AdminDeps,
  asker: Asker,
  request: AdminRequest,
  toOpenCycle: boolean,
): Promise<MessageView> {
  const { t, language } = asker;
  const outcome = await administer(deps, asker.person, request);
  if (outcome.kind !== 'changed') return textView(notChangedText(t, outcome));
  const label = (id: string): string => departmentLabel(deps.settings.current(), id, language);
  const person = (key: string, name?: string): string =>
    name ?? asker.names.nameOf(key) ?? idOf(key);
  const lines = [changedText(t, outcome, label, person)];
  const blocks: Block[] = [];
  const cycle = await openCycleOf(deps.store);
  if (request.kind === 'departmentRetire' && asksDepartment(cycle, request.department))
    lines.push(t('admin:done.retiredStillAsked', { cycle: cycle?.id ?? '' }));
  if (cycle && (request.kind === 'departmentAdd' || request.kind === 'keyFactors')) {
    if (toOpenCycle) {
      const added = await extendOpenCycle(deps, asker.person, request.department);
      lines.push(openCycleText(t, added, label(request.department)));
    } else if (widensOpenCycle(deps, cycle, request.department)) {
      lines.push(t('admin:openCycle.ask', { cycle: cycle.id }));
      blocks.push({
        type: 'actions',
        buttons: [
          {
            label: t('admin:openCycle.button'),
            action: { kind: 'adminOpenCycle', department: request.department },
          },
        ],
      });
    }
  }
  if (request.kind === 'contactRemove' && outcome.handedBack)
    blocks.push(...handOnBlocks(deps, asker, request.department, outcome.handedBack));
  if (blocks.some((b) => b.type === 'actions' && b.buttons[0]?.action.kind === 'adminHandTo'))
    lines.push(t('admin:handTo.ask'));
  const text = lines.join('\n');
  return { text, blocks: [{ type: 'text', text }, ...blocks] };
}

/** Most contacts offered per key factor: a row of buttons stays readable. */
const handOnChoices = 5;

/** For each key factor that went back to the department: a button per contact to hand it on to. */
function handOnBlocks(
  deps: AdminDeps,
  asker: Asker,
  department: string,
  keyFactors: readonly string[],
): Block[] {
  const contacts =
    deps.settings.current().departments.find((d) => d.id === department)?.contacts ?? [];
  if (contacts.length === 0) return [];
  return keyFactors.map((keyFactor) => ({
    type: 'actions',
    buttons: contacts.slice(0, handOnChoices).map((contact) => ({
      label: asker.t('admin:handTo.button', { keyFactor, person: personLabel(contact) }),
      action: { kind: 'adminHandTo', department, keyFactor, person: personKeyOf(contact) },
    })),
  }));
}

/** Whether the department is now asked something the open cycle does not ask it. */
function widensOpenCycle(
  deps: AdminDeps,
  cycle: NonNullable<Awaited<ReturnType<typeof openCycleOf>>>,
  id: string,
): boolean {
  const department = deps.settings.current().departments.find((d) => d.id === id);
  if (!department || department.retired) return false;
  const asked = cycle.departments.find((d) => d.id === id);
  if (!asked) return true;
  const wanted =
    department.keyFactors === 'all' ? cycle.keyFactors.map((kf) => kf.id) : department.keyFactors;
  return wanted.some((kf) => !asked.keyFactors.includes(kf));
}

/** The button under a change: the department added to the open cycle. */
export async function openCycleReply(
  deps: AdminDeps,
  asker: Asker,
  department: string,
): Promise<MessageView> {
  const added = await extendOpenCycle(deps, asker.person, department);
  const label = departmentLabel(deps.settings.current(), department, asker.language);
  return textView(openCycleText(asker.t, added, label));
}

export async function historyReply(deps: AdminDeps, asker: Asker): Promise<MessageView> {
  return historyView(asker.t, await deps.settings.repository.history(30), asker.names);
}
