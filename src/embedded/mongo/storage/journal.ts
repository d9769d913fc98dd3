/**
 * The append-only journal. Records of one command are collected by `append` and written with one
 * write(2) by `commit`, which the dispatcher calls before it sends the reply: an acknowledged
 * write is in the file (survives kill -9 of the engine). fdatasync runs as a group commit at most
 * 50 ms after the first unsynced write, and on demand via `sync` (write concern j:true).
 */
import fs from 'node:fs';
import { promisify } from 'node:util';
import type { ChangeSink } from '../catalog/catalog.js';
import { encodeFrame, writeAllSync } from './frames.js';

const fdatasync = promisify(fs.fdatasync);
const GROUP_COMMIT_MS = 50;

export class Journal implements ChangeSink {
  private pending: Buffer[] = [];
  private unsynced = false;
  private inFlight: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly path: string,
    private readonly fd: number,
    public size: number,
  ) {}

  static open(path: string): Journal {
    const fd = fs.openSync(path, 'a');
    return new Journal(path, fd, fs.fstatSync(fd).size);
  }

  append(header: Record<string, unknown>, body?: Uint8Array): void {
    this.pending.push(...encodeFrame(header, body));
  }

  /** Writes the collected records to the file (synchronously, so nothing else interleaves). */
  commit(): void {
    if (this.pending.length === 0) return;
    const buffers = this.pending;
    this.pending = [];
    this.size += writeAllSync(this.fd, buffers);
    this.unsynced = true;
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.sync().catch((err: unknown) => process.stderr.write(`[embedded-mongo] journal fdatasync failed: ${String(err)}\n`));
      }, GROUP_COMMIT_MS);
      this.timer.unref();
    }
  }

  /** Resolves once everything committed so far is on disk. */
  async sync(): Promise<void> {
    this.commit();
    while (this.unsynced || this.inFlight) {
      if (this.inFlight) {
        await this.inFlight;
        continue;
      }
      this.unsynced = false;
      this.inFlight = fdatasync(this.fd).finally(() => {
        this.inFlight = null;
      });
      await this.inFlight;
      return;
    }
  }

  /** Syncs everything and closes the file (shutdown and journal rotation). */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.sync();
    fs.closeSync(this.fd);
  }
}
