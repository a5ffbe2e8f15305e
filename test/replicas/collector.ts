import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SentRecord } from './protocol.ts';

/** A message as the "platform" received it. */
export interface Collected extends SentRecord {
  /** The platform's message id, handed back to the replica. */
  id: string;
}

export interface CollectorOptions {
  /** How long the platform takes to answer, per message (a slow platform makes a fan-out last). */
  delayMs?: () => number;
  /** Called when a message has arrived and is recorded, before it is answered. */
  onMessage?: (message: Collected) => void;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * Plays the chat platform for replicas in other processes: records every
 * message the moment it arrives. A message counts as delivered once it is
 * here, even if its sender dies before the answer reaches it, as on Slack;
 * and like Slack it can be asked for a message by the key sent with it.
 */
export async function startCollector(options: CollectorOptions = {}) {
  const messages: Collected[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      response.setHeader('content-type', 'application/json');
      // Reading back, as Slack's conversations.history with message metadata answers it.
      if (request.url === '/find') {
        const { to, key } = JSON.parse(await readBody(request)) as { to: string; key: string };
        const found = messages.find((m) => m.key === key && `${m.to.kind}:${m.to.id}` === to);
        response.end(JSON.stringify(found ? { id: found.id } : {}));
        return;
      }
      const record = JSON.parse(await readBody(request)) as SentRecord;
      const message: Collected = { ...record, id: `m${messages.length + 1}` };
      messages.push(message);
      options.onMessage?.(message);
      const delay = options.delayMs?.() ?? 0;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      response.end(JSON.stringify({ id: message.id }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    messages,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Collector = Awaited<ReturnType<typeof startCollector>>;
