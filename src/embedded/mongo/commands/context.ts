/** What every command handler receives, and small helpers for reading command fields. */
import type { Catalog } from '../catalog/catalog.js';
import type { Collection } from '../catalog/collection.js';
import { commandError } from '../errors.js';
import type { Collation } from '../query/index.js';
import type { Storage } from '../storage/storage.js';
import type { ConnectionInfo } from '../wire/server.js';
import type { CursorStore } from './cursors.js';

export type Doc = Record<string, unknown>;

export interface Metrics {
  opcounters: { insert: number; query: number; update: number; delete: number; getmore: number; command: number };
  document: { inserted: number; returned: number; updated: number; deleted: number };
  collectionScans: number;
}

export interface ServerContext {
  catalog: Catalog;
  storage: Storage;
  cursors: CursorStore;
  metrics: Metrics;
  startedAt: Date;
  connections(): { current: number; totalCreated: number };
  sweepExpired(): number;
}

export interface CommandInput {
  db: string;
  body: Doc;
  connection: ConnectionInfo;
  ctx: ServerContext;
}

export type CommandFn = (input: CommandInput) => Doc | Promise<Doc>;

/** JS number from a command field (Int32, Long, Double or plain number); `fallback` if absent. */
export function num(v: unknown, fallback = 0): number {
  if (v === undefined || v === null) return fallback;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof (v as { toNumber?: unknown }).toNumber === 'function') return (v as { toNumber(): number }).toNumber();
  const n = Number(String((v as { valueOf(): unknown }).valueOf()));
  return Number.isNaN(n) ? fallback : n;
}

export function bool(v: unknown): boolean {
  return v === true || (v !== false && v !== undefined && v !== null && num(v) !== 0);
}

export function optionalDoc(v: unknown, field: string): Doc | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw commandError('TypeMismatch', `BSON field '${field}' is the wrong type, expected an object`);
  return v as Doc;
}

/** The command's collation, else the collection's default collation (create option). */
export function collationOf(body: Doc, coll?: Collection): Collation | undefined {
  const c = optionalDoc(body.collation, 'collation') ?? optionalDoc(coll?.options.collation, 'collation');
  if (!c || c.locale === 'simple') return undefined;
  return { ...c, locale: String(c.locale), strength: c.strength === undefined ? undefined : num(c.strength) } as Collation;
}

/** The collection name a command targets (its first field's value). */
export function collectionName(body: Doc, command: string): string {
  const name = body[command];
  if (typeof name !== 'string' || name.length === 0) {
    throw commandError('InvalidNamespace', `collection name has invalid type ${typeof name}`);
  }
  return name;
}

export function lookupCollection(input: CommandInput, command: string): Collection | undefined {
  return input.ctx.catalog.get(input.db, collectionName(input.body, command));
}

export function countScan(ctx: ServerContext): () => void {
  return () => {
    ctx.metrics.collectionScans++;
  };
}
