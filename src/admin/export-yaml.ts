import { parseDocument, stringify } from 'yaml';
import { parseConfig } from '../config/load.ts';
import type { OrganizationConfig } from '../config/schema.ts';
import { peoplePartOf, sameValue, type PeoplePart } from './people-part.ts';

/** YAML does not write `retired: false` or an empty reviewers list: the file says only what differs. */
function plain(part: PeoplePart): Record<string, unknown> {
  return {
    coordinators: part.coordinators,
    ...(part.reviewers.length > 0 ? { reviewers: part.reviewers } : {}),
    departments: part.departments.map(({ retired, ...department }) =>
      retired ? { ...department, retired } : department,
    ),
  };
}

/**
 * The running configuration as tasa.yaml: the file as it is (comments and
 * all) with the people part the store keeps. Should the file not take it
 * (an anchor used elsewhere, say), the whole configuration is written plainly.
 * Either way the text passes check-config and reads back to the same configuration.
 */
export function configYaml(
  file: { text: string; config: OrganizationConfig } | undefined,
  running: OrganizationConfig,
  people: PeoplePart,
): string {
  const part = plain(people);
  if (file) {
    const written = plain(peoplePartOf(file.config));
    if (sameValue(part, written)) return file.text;
    const doc = parseDocument(file.text);
    // Only what differs from the file is rewritten, so the rest keeps its comments and layout.
    if (!part.reviewers && written.reviewers) doc.delete('reviewers');
    for (const [key, value] of Object.entries(part))
      if (!sameValue(value, written[key])) doc.set(key, doc.createNode(value));
    const text = doc.toString({ flowCollectionPadding: false });
    if (parseConfig(text).ok) return text;
  }
  const { organization, ...rest } = running;
  return stringify({ organization, ...rest, ...part });
}
