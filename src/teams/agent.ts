import {
  AgentApplication,
  CloudAdapter,
  type TurnState,
  type AuthConfiguration,
} from '@microsoft/agents-hosting';
import { serviceUrlPolicy } from './service-url.ts';
import { isAnonymous, type TeamsSettings } from './settings.ts';

const connectionName = 'serviceConnection';

/**
 * The SDK's auth configuration, built from Tasa's settings rather than the
 * SDK's own reading of the environment. The connection map is given
 * explicitly: with it the SDK does not take connections from `Connections__…`
 * variables, and the keys set to undefined win over stray `clientId`-style ones.
 */
export function authConfiguration(settings: TeamsSettings): AuthConfiguration {
  const connection: AuthConfiguration = isAnonymous(settings)
    ? { clientId: undefined, clientSecret: undefined, tenantId: undefined }
    : { clientId: settings.appId, clientSecret: settings.appPassword, tenantId: settings.tenantId };
  return {
    ...connection,
    connections: new Map([[connectionName, connection]]),
    connectionsMap: [{ serviceUrl: '*', connection: connectionName }],
  };
}

export type TeamsApplication = AgentApplication<TurnState>;

/** The Agents SDK's adapter (HTTP, auth, the Bot Connector) and application (routing). */
export function teamsAgent(settings: TeamsSettings): {
  adapter: CloudAdapter;
  app: TeamsApplication;
} {
  const localDev = isAnonymous(settings);
  // With a registration, the SDK also refuses an activity whose serviceUrl is not the one
  // in its token, and any connector client for a serviceUrl outside the Bot Connector's.
  const adapter = new CloudAdapter(
    authConfiguration(settings),
    undefined,
    undefined,
    { validateServiceUrl: !localDev },
    serviceUrlPolicy(localDev),
  );
  // The SDK's default answers a failed turn with "The agent encountered an error or bug"
  // and swallows the error; Tasa's listeners handle their own, and a proactive call's
  // failure must reach the port (a 403 means unreachable, a 429 means later).
  adapter.onTurnError = async (_context, error) => {
    throw error;
  };
  const app = new AgentApplication<TurnState>({
    adapter,
    ...(localDev ? {} : { agentAppId: settings.appId }),
    // "@Tasa status" in a channel reads as "status".
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  return { adapter, app };
}
