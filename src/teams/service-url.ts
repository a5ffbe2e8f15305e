import { OutboundHostValidator, type OutboundUrlPolicy } from '@microsoft/agents-hosting';

/**
 * Where the Bot Connector lives: Teams' public cloud, the other Bot Framework
 * channels, and the US government clouds (GCC, GCC High, DoD), as the Agents
 * SDK's `TeamsServiceEndpoints` name them. A host matches itself and its
 * subdomains. An activity names the `serviceUrl` Tasa answers to, so one from
 * anywhere else would have Tasa post (with its token) wherever the sender says.
 */
export const botConnectorHosts: readonly string[] = [
  'smba.trafficmanager.net',
  'botframework.com',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
];

/** Whether Tasa may talk to this `serviceUrl`: over https to the Bot Connector. */
export function isBotConnectorUrl(serviceUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return (
    url.protocol === 'https:' &&
    botConnectorHosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))
  );
}

/**
 * The same rule for the SDK, which applies it to every connector client it
 * makes (replies, proactive sends, new chats). Off in local development, where
 * the Playground is the connector on localhost. Built here rather than from
 * the SDK's `OutboundHostValidator__*` variables, so the environment cannot
 * widen it.
 */
export function serviceUrlPolicy(localDev: boolean): OutboundUrlPolicy {
  return new OutboundHostValidator({
    enabled: !localDev,
    includeDefaultMicrosoftHosts: false,
    hosts: botConnectorHosts,
  });
}
