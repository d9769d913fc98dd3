/**
 * Append-only journal of JSON records. Each record is framed as [u32 length][u32 CRC-32][bytes] so a
 * torn tail (crash mid-write) is detected on open and cut off instead of corrupting replay.
 */
import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';

const HEADER = 8;

export interface OpenedJournal {
  journal: Journal;
  records: unknown[];
  droppedBytes: number;
}

export class Journal {
  private constructor(
    private readonly file: string,
    private fd: number,
    private bytes: number,
  ) {}

  /** Reads every intact record, truncates anything after the last one and opens the file for appending. */
  static open(file: string): OpenedJournal {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const data = fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0);
    const records: unknown[] = [];
    let pos = 0;
    while (pos + HEADER <= data.length) {
      const length = data.readUInt32LE(pos);
      const sum = data.readUInt32LE(pos + 4);
      const end = pos + HEADER + length;
      if (end > data.length) break;
      const body = data.subarray(pos + HEADER, end);
      if (crc32(body) !== sum) break;
      try {
        records.push(JSON.parse(body.toString('utf8')));
      } catch {
        break;
      }
      pos = end;
    }
    const fd = fs.openSync(file, 'a+');
    if (pos < data.length) {
      fs.ftruncateSync(fd, pos);
      fs.fsyncSync(fd);
    }
    return { journal: new Journal(file, fd, pos), records, droppedBytes: data.length - pos };
  }

  get size(): number {
    return this.bytes;
  }

  /** Writes one record to the OS (survives a process kill); call `sync` to survive a power loss too. */
  append(record: unknown): void {
    const frame = encode(record);
    let written = 0;
    while (written < frame.length) written += fs.writeSync(this.fd, frame, written, frame.length - written);
    this.bytes += frame.length;
  }

  sync(): Promise<void> {
    return new Promise((resolve, reject) => fs.fdatasync(this.fd, (err) => (err ? reject(err) : resolve())));
  }

  /** Atomically replaces the journal's content with `records` (used after a snapshot). */
  rewrite(records: unknown[]): void {
    const temp = `${this.file}.tmp`;
    const frames = Buffer.concat(records.map(encode));
    writeFileDurably(temp, frames);
    fs.closeSync(this.fd);
    fs.renameSync(temp, this.file);
    fsyncDir(path.dirname(this.file));
    this.fd = fs.openSync(this.file, 'a+');
    this.bytes = frames.length;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

function encode(record: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(record), 'utf8');
  const frame = Buffer.allocUnsafe(HEADER + body.length);
  frame.writeUInt32LE(body.length, 0);
  frame.writeUInt32LE(crc32(body), 4);
  body.copy(frame, HEADER);
  return frame;
}

function writeFileDurably(file: string, data: Buffer | string): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename inside `dir` durable. */
export function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Write to a temp file, fsync, rename over the target, fsync the directory. */
export function replaceFileAtomically(file: string, data: Buffer | string): void {
  const temp = `${file}.tmp`;
  writeFileDurably(temp, data);
  fs.renameSync(temp, file);
  fsyncDir(path.dirname(file));
}
