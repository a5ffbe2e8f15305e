import { adminCommand } from './handlers/admin.ts';
import { cycleCloseCommand, cycleStartCommand, remindCommand } from './handlers/cycle.ts';
import { myCommand } from './handlers/my.ts';
import { exportCommand } from './handlers/export.ts';
import { digestNowCommand, rollupNowCommand } from './handlers/reports.ts';
import { actionNewCommand, actionsCommand } from './handlers/actions.ts';
import { awayCommand, backCommand, langCommand } from './handlers/presence.ts';
import { statusCommand } from './handlers/status.ts';
import { reviewCommand, reviewReopenCommand } from './handlers/review.ts';
import type { Command } from './types.ts';

/** Every command, in the order `help` lists them. */
export const commands: readonly Command[] = [
  myCommand,
  awayCommand,
  backCommand,
  langCommand,
  statusCommand,
  cycleStartCommand,
  cycleCloseCommand,
  remindCommand,
  rollupNowCommand,
  digestNowCommand,
  exportCommand,
  actionsCommand,
  actionNewCommand,
  reviewCommand,
  reviewReopenCommand,
  adminCommand,
];
