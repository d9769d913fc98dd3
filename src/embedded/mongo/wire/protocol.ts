/**
 * MongoDB wire protocol framing: parses the two request kinds the driver sends (legacy OP_QUERY for
 * the first handshake, OP_MSG for everything else) and builds OP_REPLY / OP_MSG answers.
 * Any malformed input throws ProtocolError; the server then closes that one connection.
 */
import { deserialize, serialize, type Document } from 'bson';
import { crc32c } from './crc32c.js';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_MSG = 2013;
export const MAX_MESSAGE_BYTES = 48_000_000;
export const MAX_BSON_BYTES = 16 * 1024 * 1024;

const FLAG_CHECKSUM = 1;
const FLAG_MORE_TO_COME = 2;
const FLAG_EXHAUST_ALLOWED = 1 << 16;
const KNOWN_FLAGS = FLAG_CHECKSUM | FLAG_MORE_TO_COME | FLAG_EXHAUST_ALLOWED;

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** Values stay as bson objects (Int32, Double, Long …) so numeric types survive storage exactly. */
export const DESERIALIZE_OPTIONS = { promoteValues: false, validation: { utf8: true } } as const;

export interface CommandRequest {
  requestId: number;
  opCode: typeof OP_QUERY | typeof OP_MSG;
  /** Target database: `$db` for OP_MSG, the `x.$cmd` prefix for OP_QUERY. */
  db: string;
  /** The command body with kind-1 document sequences merged in as arrays. */
  body: Document;
  moreToCome: boolean;
  checksum: boolean;
}

function readDocument(buf: Buffer, offset: number, end: number): { doc: Document; next: number } {
  if (offset + 5 > end) throw new ProtocolError('truncated BSON document');
  const size = buf.readInt32LE(offset);
  if (size < 5 || offset + size > end) throw new ProtocolError(`invalid BSON document length ${size}`);
  if (buf[offset + size - 1] !== 0) throw new ProtocolError('BSON document does not end with 0x00');
  try {
    return { doc: deserialize(buf.subarray(offset, offset + size), DESERIALIZE_OPTIONS), next: offset + size };
  } catch (err) {
    throw new ProtocolError(`invalid BSON: ${(err as Error).message}`);
  }
}

function readCString(buf: Buffer, offset: number, end: number): { value: string; next: number } {
  const zero = buf.indexOf(0, offset);
  if (zero < 0 || zero >= end) throw new ProtocolError('unterminated C string');
  return { value: buf.toString('utf8', offset, zero), next: zero + 1 };
}

/** Parses one complete message (`buf` holds exactly messageLength bytes). */
export function parseMessage(buf: Buffer): CommandRequest {
  const requestId = buf.readInt32LE(4);
  const opCode = buf.readInt32LE(12);
  if (opCode === OP_MSG) return parseOpMsg(buf, requestId);
  if (opCode === OP_QUERY) return parseOpQuery(buf, requestId);
  throw new ProtocolError(`unsupported opCode ${opCode}`);
}

function parseOpMsg(buf: Buffer, requestId: number): CommandRequest {
  if (buf.length < 21) throw new ProtocolError('OP_MSG too short');
  const flags = buf.readUInt32LE(16);
  if ((flags & 0xffff & ~KNOWN_FLAGS) !== 0) throw new ProtocolError(`unknown required OP_MSG flags ${flags}`);
  const checksum = (flags & FLAG_CHECKSUM) !== 0;
  let end = buf.length;
  if (checksum) {
    end -= 4;
    if (end < 21) throw new ProtocolError('OP_MSG too short for its checksum');
    if (crc32c(buf, 0, end) !== buf.readUInt32LE(end)) throw new ProtocolError('OP_MSG checksum mismatch');
  }
  let body: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  let offset = 20;
  while (offset < end) {
    const kind = buf[offset++];
    if (kind === 0) {
      if (body) throw new ProtocolError('OP_MSG has two body sections');
      const read = readDocument(buf, offset, end);
      body = read.doc;
      offset = read.next;
    } else if (kind === 1) {
      if (offset + 4 > end) throw new ProtocolError('truncated document sequence');
      const size = buf.readInt32LE(offset);
      const seqEnd = offset + size;
      if (size < 5 || seqEnd > end) throw new ProtocolError(`invalid document sequence length ${size}`);
      const id = readCString(buf, offset + 4, seqEnd);
      const docs: Document[] = [];
      let p = id.next;
      while (p < seqEnd) {
        const read = readDocument(buf, p, seqEnd);
        docs.push(read.doc);
        p = read.next;
      }
      sequences.push([id.value, docs]);
      offset = seqEnd;
    } else {
      throw new ProtocolError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new ProtocolError('OP_MSG without a body section');
  for (const [name, docs] of sequences) body[name] = docs;
  const db = typeof body.$db === 'string' ? body.$db : 'admin';
  return { requestId, opCode: OP_MSG, db, body, moreToCome: (flags & FLAG_MORE_TO_COME) !== 0, checksum };
}

function parseOpQuery(buf: Buffer, requestId: number): CommandRequest {
  const name = readCString(buf, 20, buf.length);
  const query = readDocument(buf, name.next + 8, buf.length).doc;
  if (!name.value.endsWith('.$cmd')) throw new ProtocolError(`legacy OP_QUERY on ${name.value} is not supported`);
  // Drivers may wrap the command as {$query: {...}, $readPreference: ...}.
  const body = typeof query.$query === 'object' && query.$query !== null ? (query.$query as Document) : query;
  return {
    requestId,
    opCode: OP_QUERY,
    db: name.value.slice(0, -'.$cmd'.length),
    body,
    moreToCome: false,
    checksum: false,
  };
}

function header(length: number, requestId: number, responseTo: number, opCode: number): Buffer {
  const head = Buffer.allocUnsafe(16);
  head.writeInt32LE(length, 0);
  head.writeInt32LE(requestId, 4);
  head.writeInt32LE(responseTo, 8);
  head.writeInt32LE(opCode, 12);
  return head;
}

export function buildReply(request: CommandRequest, requestId: number, reply: Document): Buffer {
  const bytes = serialize(reply);
  const doc = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length); // a view, not a copy
  if (request.opCode === OP_QUERY) {
    const fixed = Buffer.alloc(20);
    fixed.writeInt32LE(8, 0); // AwaitCapable, as mongod sets it
    fixed.writeInt32LE(1, 16); // numberReturned; cursorID and startingFrom stay 0
    return Buffer.concat([header(36 + doc.length, requestId, request.requestId, OP_REPLY), fixed, doc]);
  }
  const trailer = request.checksum ? 4 : 0;
  const flagsAndKind = Buffer.alloc(5);
  flagsAndKind.writeUInt32LE(request.checksum ? FLAG_CHECKSUM : 0, 0);
  const message = Buffer.concat([
    header(21 + doc.length + trailer, requestId, request.requestId, OP_MSG),
    flagsAndKind,
    doc,
    Buffer.alloc(trailer),
  ]);
  if (trailer) message.writeUInt32LE(crc32c(message, 0, message.length - 4), message.length - 4);
  return message;
}
