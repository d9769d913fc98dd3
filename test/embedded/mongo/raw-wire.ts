/** A minimal raw-socket client for protocol tests: builds OP_MSG/OP_QUERY bytes and reads replies. */
import net from 'node:net';
import { deserialize, serialize, type Document } from 'bson';
import { crc32c } from '../../../src/embedded/mongo/wire/crc32c.js';

export interface OpMsgOptions {
  checksum?: boolean;
  moreToCome?: boolean;
  sequences?: Record<string, Document[]>;
  requestId?: number;
}

export function opMsg(body: Document, options: OpMsgOptions = {}): Buffer {
  const parts: Buffer[] = [Buffer.from([0]), Buffer.from(serialize(body))];
  for (const [id, docs] of Object.entries(options.sequences ?? {})) {
    const payload = Buffer.concat([Buffer.from(id + '\0'), ...docs.map((d) => Buffer.from(serialize(d)))]);
    const size = Buffer.alloc(4);
    size.writeInt32LE(payload.length + 4);
    parts.push(Buffer.from([1]), size, payload);
  }
  const flags = (options.checksum ? 1 : 0) | (options.moreToCome ? 2 : 0);
  const sections = Buffer.concat(parts);
  const length = 20 + sections.length + (options.checksum ? 4 : 0);
  const msg = Buffer.alloc(length);
  msg.writeInt32LE(length, 0);
  msg.writeInt32LE(options.requestId ?? 7, 4);
  msg.writeInt32LE(2013, 12);
  msg.writeUInt32LE(flags, 16);
  sections.copy(msg, 20);
  if (options.checksum) msg.writeUInt32LE(crc32c(msg, 0, length - 4), length - 4);
  return msg;
}

export function opQuery(collection: string, query: Document): Buffer {
  const name = Buffer.from(collection + '\0');
  const doc = Buffer.from(serialize(query));
  const length = 16 + 4 + name.length + 8 + doc.length;
  const msg = Buffer.alloc(length);
  msg.writeInt32LE(length, 0);
  msg.writeInt32LE(1, 4);
  msg.writeInt32LE(2004, 12);
  name.copy(msg, 20);
  msg.writeInt32LE(-1, 20 + name.length + 4);
  doc.copy(msg, 20 + name.length + 8);
  return msg;
}

export interface Reply {
  opCode: number;
  responseTo: number;
  flags: number;
  doc: Document;
  raw: Buffer;
}

/** A connected socket that collects complete replies and notices when the server closes it. */
export class RawClient {
  private buffer = Buffer.alloc(0);
  private waiters: Array<(r: Reply) => void> = [];
  readonly replies: Reply[] = [];
  closed: Promise<void>;

  private constructor(readonly socket: net.Socket) {
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      while (this.buffer.length >= 4 && this.buffer.length >= this.buffer.readInt32LE(0)) {
        const raw = this.buffer.subarray(0, this.buffer.readInt32LE(0));
        this.buffer = this.buffer.subarray(raw.length);
        const opCode = raw.readInt32LE(12);
        const docStart = opCode === 1 ? 36 : 21;
        const docEnd = docStart + raw.readInt32LE(docStart);
        const reply = { opCode, responseTo: raw.readInt32LE(8), flags: raw.readUInt32LE(16), doc: deserialize(raw.subarray(docStart, docEnd)), raw };
        const waiter = this.waiters.shift();
        if (waiter) waiter(reply);
        else this.replies.push(reply);
      }
    });
  }

  static connect(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  send(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  next(timeoutMs = 2000): Promise<Reply> {
    const ready = this.replies.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no reply')), timeoutMs);
      this.waiters.push((r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
  }

  async request(bytes: Buffer): Promise<Reply> {
    this.send(bytes);
    return this.next();
  }

  close(): void {
    this.socket.destroy();
  }
}
