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
  let mode: 'open' | 'cut' | 'stalled' = 'open';
  const server = createServer((client) => {
    // While cut, a connection is refused at once, as by a server that is down.
    if (mode === 'cut') return void client.resetAndDestroy();
    client.on('error', () => client.destroy());
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    // While stalled, a connection is taken and then nothing comes back, as on a lost network.
    if (mode === 'stalled') return void client.resume();
    const server = connect(Number(upstream.port), upstream.hostname);
    sockets.add(server);
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
      mode = 'cut';
      for (const socket of sockets) socket.resetAndDestroy();
      sockets.clear();
    },
    /**
     * Keeps every connection open but lets nothing through, either way, and
     * accepts new ones that never answer: the clients see no error, only silence.
     */
    stall() {
      mode = 'stalled';
      for (const socket of sockets) {
        socket.unpipe();
        // Read and drop what arrives, so nothing is forwarded when the pipes are gone.
        socket.removeAllListeners('data').on('data', () => {});
      }
    },
    /** New connections go through again; stalled ones are reset, since what they carried is lost. */
    restore() {
      if (mode === 'stalled') {
        for (const socket of sockets) socket.resetAndDestroy();
        sockets.clear();
      }
      mode = 'open';
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
