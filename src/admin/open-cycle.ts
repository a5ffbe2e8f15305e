import type { Catalogue } from '../catalogue/load.ts';
import type { Department, OrganizationConfig } from '../config/schema.ts';
import { freezeScope, type Cycle } from '../cycles/cycle.ts';
import { openCycleOf, saveCycle, withCycles } from '../cycles/repository.ts';
import type { Store } from '../store/store.ts';

export type OpenCycleAddition =
  | { kind: 'added'; cycle: Cycle; keyFactors: string[] }
  | { kind: 'noOpenCycle' }
  | { kind: 'alreadyAsked'; cycle: Cycle };

/**
 * Adds a department, or the key factors it now has, to the open cycle's frozen
 * scope: only when a coordinator asks for it, since the scope is what the
 * cycle's reports compare. Nothing already asked is taken out.
 */
export function addToOpenCycle(
  store: Store,
  config: OrganizationConfig,
  catalogue: Catalogue,
  department: Department,
): Promise<OpenCycleAddition> {
  return withCycles(store, async () => {
    const cycle = await openCycleOf(store);
    if (!cycle) return { kind: 'noOpenCycle' };
    const [frozen] = freezeScope(
      { ...config, departments: [{ ...department, retired: false }] },
      catalogue,
    ).departments;
    if (!frozen) return { kind: 'alreadyAsked', cycle };
    const asked = cycle.departments.find((d) => d.id === department.id);
    const added = frozen.keyFactors.filter((kf) => !asked?.keyFactors.includes(kf));
    if (added.length === 0) return { kind: 'alreadyAsked', cycle };
    const departments = asked
      ? cycle.departments.map((d) =>
          d.id === asked.id
            ? {
                ...d,
                keyFactors: frozen.keyFactors.filter((kf) =>
                  [...d.keyFactors, ...added].includes(kf),
                ),
              }
            : d,
        )
      : [...cycle.departments, frozen];
    const next = { ...cycle, departments };
    await saveCycle(store, next);
    return { kind: 'added', cycle: next, keyFactors: added };
  });
}

/** Whether the open cycle asks a department. */
export const asksDepartment = (cycle: Cycle | undefined, department: string): boolean =>
  cycle?.departments.some((d) => d.id === department) ?? false;
