/**
 * The ids the package needs, from environment variables passed in as a plain
 * record (so tests need no process.env): MICROSOFT_APP_ID, the Azure Bot's
 * Microsoft App ID, is required; TEAMS_BOT_ID overrides the bot id, which is
 * otherwise the same.
 */
import type { TeamsIds } from './manifest-files.ts';

export type PackageSettings =
  | { readonly ok: true; readonly ids: TeamsIds }
  | { readonly ok: false; readonly problems: string[] };

const guid = /^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

function checkGuid(name: string, value: string): string[] {
  return guid.test(value)
    ? []
    : [
        `${name} must be a GUID such as 00000000-0000-0000-0000-000000000000, the Microsoft App ID of the Azure Bot (found “${value}”)`,
      ];
}

export function packageSettings(
  env: Readonly<Record<string, string | undefined>>,
): PackageSettings {
  const appId = env['MICROSOFT_APP_ID']?.trim() ?? '';
  if (appId === '')
    return {
      ok: false,
      problems: [
        'MICROSOFT_APP_ID is not set: set it to the Microsoft App ID of your Azure Bot, e.g. MICROSOFT_APP_ID=00000000-0000-0000-0000-000000000000 npm run package:teams',
      ],
    };
  const botId = env['TEAMS_BOT_ID']?.trim() || appId;
  const problems = [
    ...checkGuid('MICROSOFT_APP_ID', appId),
    ...(botId === appId ? [] : checkGuid('TEAMS_BOT_ID', botId)),
  ];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, ids: { appId, botId } };
}
