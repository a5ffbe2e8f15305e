import { problemsFromIssues, type ConfigProblem } from '../config/problems.ts';
import { configSchema, type OrganizationConfig } from '../config/schema.ts';
import { withPeoplePart, type PeoplePart } from './people-part.ts';

/**
 * The problems a people part would make in the configuration, found by the
 * same schema and explained with the same messages as `tasa check-config`.
 */
export function problemsWith(config: OrganizationConfig, part: PeoplePart): ConfigProblem[] {
  const input = withPeoplePart(config, part);
  const parsed = configSchema.safeParse(input);
  return parsed.success ? [] : problemsFromIssues(parsed.error.issues, input);
}
