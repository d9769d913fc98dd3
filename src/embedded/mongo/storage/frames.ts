/**
 * Record framing shared by journal and snapshot files:
 *   u32 payloadLength | u32 crc32c(payload) | payload = header BSON [+ document BSON]
 * The header says what happened ({o: 'i', ns} …); the optional second BSON is the document.
 */
import fs from 'node:fs';
import { deserialize, serialize, type Document } from 'bson';
import { crc32c } from '../wire/crc32c.js';

const FRAME_HEAD = 8;
const MAX_PAYLOAD = 64 * 1024 * 1024;

/**
 * One record as buffers to write in order: the frame head (length, CRC, header BSON) and, when
 * given, the document's BSON as it is (no copy).
 */
export function encodeFrame(header: Document, body?: Uint8Array): Buffer[] {
  const head = serialize(header);
  const frameHead = Buffer.allocUnsafeSlow(FRAME_HEAD + head.length);
  frameHead.writeUInt32LE(head.length + (body?.length ?? 0), 0);
  frameHead.set(head, FRAME_HEAD);
  let crc = crc32c(head);
  if (body) crc = crc32c(body, 0, body.length, crc);
  frameHead.writeUInt32LE(crc, 4);
  return body ? [frameHead, Buffer.from(body.buffer, body.byteOffset, body.length)] : [frameHead];
}

/** Writes all buffers at the current file position (writev in groups, finishing partial writes). */
export function writeAllSync(fd: number, buffers: Buffer[]): number {
  let total = 0;
  for (let i = 0; i < buffers.length; i += 512) {
    const group = buffers.slice(i, i + 512);
    const size = group.reduce((n, b) => n + b.length, 0);
    let written = fs.writevSync(fd, group);
    if (written < size) {
      const rest = Buffer.concat(group).subarray(written);
      for (let done = 0; done < rest.length; ) done += fs.writeSync(fd, rest, done);
      written = size;
    }
    total += written;
  }
  return total;
}

export interface DecodedRecord {
  header: Document;
  /** The body's BSON (a document), left to the catalog to decode as far as it needs. */
  bodyBytes: Buffer | undefined;
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
    if (bodyStart === end) return { record: { header, bodyBytes: undefined }, next: end };
    // The checksum vouches for the bytes; a body is whole when its own length fills the frame.
    if (end - bodyStart < 5 || buf.readInt32LE(bodyStart) !== end - bodyStart || buf[end - 1] !== 0) return null;
    return { record: { header, bodyBytes: buf.subarray(bodyStart, end) }, next: end };
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
