import type { ActionItem } from '../../src/action-plans/item.ts';
import type { Catalogue } from '../../src/catalogue/load.ts';
import type { OrganizationConfig } from '../../src/config/schema.ts';
import { freezeScope, type Cycle } from '../../src/cycles/cycle.ts';

/** The first quarter of 2027, open, over the whole configured scope. */
export const firstQuarter = (config: OrganizationConfig, catalogue: Catalogue): Cycle => ({
  id: '2027-Q1',
  openedAt: '2027-01-04T08:00:00.000Z',
  openedBy: 'slack:UCOORD',
  dueDate: '2027-03-31',
  ...freezeScope(config, catalogue),
});

/** The action item of the "New action…" form most tests submit: a measure with two owners. */
export const contractMeasure = {
  title: 'Anti-discrimination clause in all service contracts',
  description: 'Following Stockholm and Ghent.',
  serves: ['KF10', 'ECCAR06'],
  department: 'education',
  owners: ['UEDU1', 'UEDU2'],
  start: '2027-01-10',
  due: '2027-06-30',
};

/** An action item as kept in the store: a planned KF08 measure owned by Eeva, with changes given. */
export const storedItem = (
  changes: Partial<Omit<ActionItem, 'id'>> = {},
): Omit<ActionItem, 'id'> => ({
  title: 'Staff training',
  description: '',
  serves: [{ framework: 'integrating-cities', item: 'KF08' }],
  owners: ['slack:UEDU1'],
  due: '2027-05-31',
  status: 'planned',
  notes: [],
  evidence: [],
  created: { by: 'slack:UCOORD', at: '2027-01-04T08:00:00.000Z' },
  history: [],
  ...changes,
});
