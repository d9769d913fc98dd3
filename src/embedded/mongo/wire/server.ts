/**
 * The TCP side: splits each connection's byte stream into messages, hands every command to the
 * dispatcher in arrival order and writes the replies. A framing or BSON error closes only the
 * offending connection (with a log line); every other connection keeps being served.
 */
import net from 'node:net';
import type { Document } from 'bson';
import { buildReply, MAX_MESSAGE_BYTES, parseMessage, ProtocolError, type CommandRequest } from './protocol.js';

export interface ConnectionInfo {
  id: number;
  remote: string;
}

export type CommandHandler = (request: CommandRequest, connection: ConnectionInfo) => Promise<Document>;

export interface WireServer {
  port: number;
  connectionCount(): number;
  totalConnections(): number;
  close(): Promise<void>;
}

function log(message: string): void {
  process.stderr.write(`[embedded-mongo] ${message}\n`);
}

export async function listenWire(port: number, handle: CommandHandler): Promise<WireServer> {
  const sockets = new Set<net.Socket>();
  let nextConnectionId = 1;
  let nextRequestId = 1;

  const server = net.createServer((socket) => {
    const connection: ConnectionInfo = { id: nextConnectionId++, remote: `${socket.remoteAddress}:${socket.remotePort}` };
    sockets.add(socket);
    socket.setNoDelay(true);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let queue: Promise<void> = Promise.resolve();

    const fail = (reason: string): void => {
      log(`closing connection ${connection.id} (${connection.remote}): ${reason}`);
      socket.destroy();
    };

    const handleMessage = (message: Buffer): void => {
      let request: CommandRequest;
      try {
        request = parseMessage(message);
      } catch (err) {
        fail(err instanceof ProtocolError ? err.message : String(err));
        return;
      }
      queue = queue.then(async () => {
        const reply = await handle(request, connection);
        if (request.moreToCome || socket.destroyed) return;
        socket.write(buildReply(request, nextRequestId++, reply));
      }).catch((err: unknown) => fail(`internal error: ${(err as Error).stack ?? String(err)}`));
    };

    socket.on('data', (chunk: Buffer) => {
      pending.push(chunk);
      pendingBytes += chunk.length;
      while (pendingBytes >= 4 && !socket.destroyed) {
        if (pending[0].length < 4) pending = [Buffer.concat(pending, pendingBytes)];
        const length = pending[0].readInt32LE(0);
        if (length < 16 || length > MAX_MESSAGE_BYTES) {
          fail(`invalid message length ${length}`);
          return;
        }
        // Join chunks only once the whole message is here, so a large message costs one copy.
        if (pendingBytes < length) return;
        const buffered = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
        handleMessage(buffered.subarray(0, length));
        const rest = buffered.subarray(length);
        pending = rest.length ? [rest] : [];
        pendingBytes = rest.length;
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      sockets.delete(socket);
      if (pendingBytes > 0) log(`connection ${connection.id} closed with a truncated message (${pendingBytes} bytes)`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  let total = 0;
  server.on('connection', () => total++);

  return {
    port: (server.address() as net.AddressInfo).port,
    connectionCount: () => sockets.size,
    totalConnections: () => total,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
