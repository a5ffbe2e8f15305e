import { randomUUID } from 'node:crypto';
import type { InboundPort } from '../../src/inbound/port.ts';

/** Types a command to Tasa through the one way in, as Slack or Teams would hand it over; the reply's text. */
export async function say(
  core: { inbound: InboundPort },
  id: string,
  text: string,
  platform: 'slack' | 'teams' = 'slack',
): Promise<string> {
  const outcome = await core.inbound.receive({
    kind: 'command',
    actor: { platform, id },
    text,
    delivery: randomUUID(),
  });
  if (outcome.kind !== 'reply') throw new Error(`expected a reply, got ${outcome.kind}`);
  return outcome.message.text;
}
