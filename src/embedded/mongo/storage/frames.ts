/**
 * Record framing shared by journal and snapshot files:
 *   u32 payloadLength | u32 crc32c(payload) | payload = header BSON [+ document BSON]
 * The header says what happened ({o: 'i', ns} …); the optional second BSON is the document.
 */
import { deserialize, serialize, type Document } from 'bson';
import { crc32c } from '../wire/crc32c.js';

const FRAME_HEAD = 8;
const MAX_PAYLOAD = 64 * 1024 * 1024;

export function encodeFrame(header: Document, body?: Uint8Array): Buffer {
  const head = serialize(header);
  const payloadLength = head.length + (body?.length ?? 0);
  const frame = Buffer.allocUnsafe(FRAME_HEAD + payloadLength);
  frame.writeUInt32LE(payloadLength, 0);
  frame.set(head, FRAME_HEAD);
  if (body) frame.set(body, FRAME_HEAD + head.length);
  frame.writeUInt32LE(crc32c(frame, FRAME_HEAD, frame.length), 4);
  return frame;
}

export interface DecodedRecord {
  header: Document;
  body: Document | undefined;
  bodyBytes: number;
}

/** The record at `offset` if a complete, checksum-valid frame starts there; otherwise null. */
function decodeAt(buf: Buffer, offset: number): { record: DecodedRecord; next: number } | null {
  if (offset + FRAME_HEAD > buf.length) return null;
  const length = buf.readUInt32LE(offset);
  const start = offset + FRAME_HEAD;
  const end = start + length;
  if (length < 5 || length > MAX_PAYLOAD || end > buf.length) return null;
  if (crc32c(buf, start, end) !== buf.readUInt32LE(offset + 4)) return null;
  try {
    const headLength = buf.readInt32LE(start);
    if (headLength < 5 || start + headLength > end) return null;
    const header = deserialize(buf.subarray(start, start + headLength));
    const bodyStart = start + headLength;
    const body = bodyStart < end ? deserialize(buf.subarray(bodyStart, end), { promoteValues: false }) : undefined;
    return { record: { header, body, bodyBytes: end - bodyStart }, next: end };
  } catch {
    return null;
  }
}

export interface ScanResult {
  /** Offset just after the last good record. */
  validEnd: number;
  /** Set when bytes after validEnd do not form a record. */
  damage?: { offset: number; validRecordFollows: boolean };
}

/**
 * Calls `onRecord` for each good record from the start. At the first bad frame it looks for any
 * good frame further on: if one exists the damage is in the middle (corruption, never skipped),
 * otherwise it is a torn tail from an interrupted write.
 */
export function scanFrames(buf: Buffer, onRecord: (record: DecodedRecord) => void): ScanResult {
  let offset = 0;
  while (offset < buf.length) {
    const decoded = decodeAt(buf, offset);
    if (!decoded) {
      let validRecordFollows = false;
      for (let probe = offset + 1; probe + FRAME_HEAD < buf.length; probe++) {
        if (decodeAt(buf, probe)) {
          validRecordFollows = true;
          break;
        }
      }
      return { validEnd: offset, damage: { offset, validRecordFollows } };
    }
    onRecord(decoded.record);
    offset = decoded.next;
  }
  return { validEnd: offset };
}
