import type { i18n } from 'i18next';
import { ErrorCode, TasaError } from '../shared/errors.ts';
import type { Language } from '../i18n/languages.ts';
import { languages } from '../i18n/languages.ts';
import {
  frameworkDefinitions,
  frameworkIds,
  type FrameworkDefinition,
  type FrameworkId,
} from './definitions.ts';
import { frameworkSchema, type Framework } from './schema.ts';

/** The benchmark catalogue: every framework in every language, validated once. */
export interface Catalogue {
  framework(id: FrameworkId, language: Language): Framework;
}

/** Reads a raw string from the catalogue namespace; undefined when absent. */
function reader(i18n: i18n, language: Language) {
  return (key: string): string | undefined => {
    const value: unknown = i18n.getResource(language, 'catalogue', key);
    return typeof value === 'string' ? value : undefined;
  };
}

function build(definition: FrameworkDefinition, i18n: i18n, language: Language): unknown {
  const read = reader(i18n, language);
  const base = definition.id;
  const ruleText = read(`${base}.rule`);
  return {
    id: definition.id,
    language,
    name: read(`${base}.name`),
    standard: definition.hasStandard ? read(`${base}.standard`) : null,
    rule: definition.rule && { ...definition.rule, text: ruleText },
    items: definition.items.map((item) => {
      const at = `${base}.items.${item.id}`;
      const hasText = item.questions > 0;
      return {
        id: item.id,
        number: item.number,
        title: read(`${at}.title`),
        statement: hasText ? read(`${at}.statement`) : null,
        reasoning: hasText ? read(`${at}.reasoning`) : null,
        questions: Array.from({ length: item.questions }, (_, i) => ({
          id: `${item.id}.Q${i + 1}`,
          number: i + 1,
          text: read(`${at}.questions.Q${i + 1}`),
        })),
        examples: Array.from({ length: item.examples }, (_, i) => ({
          city: read(`${at}.examples.E${i + 1}.city`),
          gist: read(`${at}.examples.E${i + 1}.gist`),
        })),
      };
    }),
    contextualFactors: definition.contextualFactors.map((factor) => {
      const at = `${base}.contextualFactors.${factor.id}`;
      return {
        id: factor.id,
        number: factor.number,
        title: read(`${at}.title`),
        examples: Array.from({ length: factor.examples }, (_, i) =>
          read(`${at}.examples.X${i + 1}`),
        ),
      };
    }),
  };
}

/**
 * Builds and validates every framework in every language up front, so a
 * missing or empty text fails at start-up, not in the middle of a check-in.
 */
export function loadCatalogue(i18n: i18n): Catalogue {
  const frameworks = new Map<string, Framework>();
  for (const id of frameworkIds) {
    for (const language of languages) {
      const parsed = frameworkSchema.safeParse(build(frameworkDefinitions[id], i18n, language));
      if (!parsed.success) {
        const where = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
        throw new TasaError(
          ErrorCode.CatalogueInvalid,
          `catalogue ${id} (${language}) is incomplete at: ${where}`,
          { framework: id, language, paths: where },
        );
      }
      frameworks.set(`${id}/${language}`, parsed.data);
    }
  }
  return {
    framework(id, language) {
      const framework = frameworks.get(`${id}/${language}`);
      if (!framework) {
        throw new TasaError(ErrorCode.UnknownFramework, `unknown framework ${id}`, { id });
      }
      return framework;
    },
  };
}
