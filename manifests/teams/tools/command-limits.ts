/**
 * Teams documents tighter limits for bot commands than its schema enforces
 * (the schema allows 128 and 4000 characters): a longer title or description
 * is cut off in the command menu, so it is refused before the upload.
 */
import { field, type Json } from './manifest-files.ts';

export const commandLimits = { title: 32, description: 128 } as const;

/** Teams' command menu shows at most ten commands per scope. */
export const maxCommandsPerList = 10;

const tooLong = (text: Json | undefined, limit: number): boolean =>
  typeof text === 'string' && [...text].length > limit;

const asArray = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : []);

/** Every command list over ten commands, and every command title or description over its limit. */
export function commandProblems(file: string, manifest: Json): string[] {
  return asArray(field(manifest, 'bots')).flatMap((bot, b) =>
    asArray(field(bot, 'commandLists')).flatMap((list, l) => [
      ...(asArray(field(list, 'commands')).length > maxCommandsPerList
        ? [
            `${file}: /bots/${String(b)}/commandLists/${String(l)}/commands has more than the ${String(maxCommandsPerList)} commands Teams shows`,
          ]
        : []),
      ...asArray(field(list, 'commands')).flatMap((command, c) =>
        (['title', 'description'] as const)
          .filter((key) => tooLong(field(command, key), commandLimits[key]))
          .map(
            (key) =>
              `${file}: /bots/${String(b)}/commandLists/${String(l)}/commands/${String(c)}/${key} is longer than the ${String(commandLimits[key])} characters Teams shows`,
          ),
      ),
    ]),
  );
}

const commandKey = /^bots\[\d+\]\.commandLists\[\d+\]\.commands\[\d+\]\.(title|description)$/;

/** The same limits for one entry of a localization file, such as `bots[0]….description`. */
export function translatedCommandProblems(
  file: string,
  key: string,
  text: Json | undefined,
): string[] {
  const kind = commandKey.exec(key)?.[1];
  const limit = kind === 'title' || kind === 'description' ? commandLimits[kind] : undefined;
  return limit !== undefined && tooLong(text, limit)
    ? [`${file}: “${key}” is longer than the ${String(limit)} characters Teams shows`]
    : [];
}
