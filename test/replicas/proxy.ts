import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy in front of Redis or PostgreSQL that the test can cut: only
 * the replicas go through it, so the store becomes unreachable for them
 * while the server itself, and everyone else using it, carry on.
 */
export async function startProxy(target: string) {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  let cut = false;
  const server = createServer((client) => {
    // While cut, a connection is refused at once, as by a server that is down.
    if (cut) return void client.resetAndDestroy();
    const server = connect(Number(upstream.port), upstream.hostname);
    sockets.add(client).add(server);
    const drop = () => {
      client.destroy();
      server.destroy();
      sockets.delete(client);
      sockets.delete(server);
    };
    for (const socket of [client, server]) socket.on('error', drop).on('close', drop);
    client.pipe(server).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const proxied = new URL(target);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(port);
  return {
    /** The store URL that leads through the proxy. */
    url: proxied.toString(),
    /** Resets every open connection and refuses new ones. */
    cut() {
      cut = true;
      for (const socket of sockets) socket.resetAndDestroy();
      sockets.clear();
    },
    restore() {
      cut = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
