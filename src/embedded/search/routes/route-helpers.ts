/** What every route module shares: the engine handle and small parsing helpers with Meilisearch's messages. */
import { MeiliError } from '../errors.js';
import { summarize } from '../tasks/task-model.js';
import type { EngineStore } from '../storage/engine-store.js';
import type { KeyStore } from '../auth/key-store.js';
import type { Reply } from '../http/router.js';
import type { Task, TaskPayload, TaskType } from '../tasks/task-model.js';

export interface Engine {
  store: EngineStore;
  keys: KeyStore | null;
  dbPath: string;
}

const INDEX_UID = /^[A-Za-z0-9_-]{1,400}$/;

export function checkIndexUid(uid: unknown, code = 'invalid_index_uid'): string {
  if (typeof uid !== 'string' || !INDEX_UID.test(uid)) {
    throw new MeiliError(
      code,
      `\`${String(uid)}\` is not a valid index uid. Index uid can be an integer or a string containing only alphanumeric characters, hyphens (-) and underscores (_), and can not be more than 512 bytes.`,
    );
  }
  return uid;
}

/** Enqueues a write and answers 202; `query` carries the optional `customMetadata` parameter. */
export function enqueue(engine: Engine, indexUid: string | null, type: TaskType, details: Record<string, unknown> | null, payload: TaskPayload, query?: URLSearchParams): Reply {
  const task: Task = engine.store.queue.enqueue(indexUid, type, details, payload, query?.get('customMetadata') ?? undefined);
  return { status: 202, body: summarize(task) };
}

/** A non-negative integer query parameter, or the default when absent. */
export function intParam(query: URLSearchParams, name: string, fallback: number, code: string): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw.trim())) {
    throw new MeiliError(code, `Invalid value in parameter \`${name}\`: could not parse \`${raw}\` as a positive integer`);
  }
  return Number(raw.trim());
}

/** A non-negative integer in a JSON body, or the default when absent. */
export function intField(body: Record<string, unknown>, name: string, fallback: number, code: string): number {
  const value = body[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new MeiliError(code, `Invalid value type at \`.${name}\`: expected a positive integer, but found ${JSON.stringify(value)}`);
  }
  return value;
}

export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  return raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

export function asObject(body: unknown, what = 'an object'): Record<string, unknown> {
  if (body === undefined) return {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new MeiliError('bad_request', `Invalid value type: expected ${what}, but found ${Array.isArray(body) ? 'an array' : body === null ? 'null' : typeof body}: \`${JSON.stringify(body)}\``);
  }
  return body as Record<string, unknown>;
}

/** Refuses fields a body must not carry, as Meilisearch's deserializer does. */
export function knownFields(body: Record<string, unknown>, allowed: string[], code = 'bad_request'): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      throw new MeiliError(code, `Unknown field \`${key}\`: expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}`);
    }
  }
}

export function paginate<T>(items: T[], offset: number, limit: number): { results: T[]; offset: number; limit: number; total: number } {
  return { results: items.slice(offset, offset + limit), offset, limit, total: items.length };
}

/** `retrieveVectors`: no document has embeddings here, so each one carries an empty `_vectors`. */
export function withVectors<T extends Record<string, unknown>>(docs: T[], retrieveVectors: unknown): T[] {
  return retrieveVectors === true || retrieveVectors === 'true' ? docs.map((doc) => ({ ...doc, _vectors: {} })) : docs;
}
