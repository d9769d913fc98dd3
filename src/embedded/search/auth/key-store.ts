/**
 * API keys. As in Meilisearch, a key's secret is HMAC-SHA256(uid, master key) in hex, so keys are
 * never stored and all change when the master key changes. The two default keys get uids derived
 * from the master key too, so they are stable across restarts. Custom keys live in keys.json.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MeiliError } from '../errors.js';
import { replaceFileAtomically } from '../storage/journal.js';
import { KEY_ACTIONS, actionAllowed, indexAllowed } from './actions.js';

export interface KeyRecord {
  uid: string;
  name: string | null;
  description: string | null;
  actions: string[];
  indexes: string[];
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type KeyView = KeyRecord & { key: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidFrom(bytes: Buffer): string {
  const b = Buffer.from(bytes.subarray(0, 16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** RFC 3339 without the milliseconds when they are zero, as Meilisearch prints dates. */
function rfc3339(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

export class KeyStore {
  private readonly custom = new Map<string, KeyRecord>();
  private readonly defaults: KeyRecord[];
  private readonly file: string;

  constructor(
    private readonly masterKey: string,
    dbPath: string,
    createdAt: string,
  ) {
    this.file = path.join(dbPath, 'keys.json');
    const derivedUid = (label: string): string => uuidFrom(crypto.createHmac('sha256', masterKey).update(label).digest());
    const base = { indexes: ['*'], expiresAt: null, createdAt, updatedAt: createdAt };
    this.defaults = [
      { ...base, uid: derivedUid('default-search-api-key'), name: 'Default Search API Key', description: 'Use it to search from the frontend', actions: ['search'] },
      {
        ...base,
        uid: derivedUid('default-admin-api-key'),
        name: 'Default Admin API Key',
        description: 'Use it for anything that is not a search operation. Caution! Do not expose it on a public frontend',
        actions: ['*'],
      },
    ];
    if (fs.existsSync(this.file)) {
      for (const record of JSON.parse(fs.readFileSync(this.file, 'utf8')) as KeyRecord[]) this.custom.set(record.uid, record);
    }
  }

  private readonly secrets = new Map<string, string>();

  secretOf(uid: string): string {
    let secret = this.secrets.get(uid);
    if (secret === undefined) {
      secret = crypto.createHmac('sha256', this.masterKey).update(uid).digest('hex');
      this.secrets.set(uid, secret);
    }
    return secret;
  }

  private view(record: KeyRecord): KeyView {
    return { name: record.name, description: record.description, key: this.secretOf(record.uid), uid: record.uid, actions: record.actions, indexes: record.indexes, expiresAt: record.expiresAt, createdAt: record.createdAt, updatedAt: record.updatedAt };
  }

  /** Newest first, the default keys last (they are the oldest). */
  list(): KeyView[] {
    const custom = [...this.custom.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    return [...custom, ...this.defaults].map((r) => this.view(r));
  }

  /** Finds a key by its uid or its secret. */
  find(uidOrKey: string): KeyView | undefined {
    return this.list().find((k) => k.uid === uidOrKey || k.key === uidOrKey);
  }

  /** The key record behind a bearer secret, unless unknown or expired. */
  authenticate(secret: string): KeyRecord | undefined {
    const all = [...this.defaults, ...this.custom.values()];
    const given = Buffer.from(secret);
    if (given.length !== 64) return undefined;
    const record = all.find((r) => crypto.timingSafeEqual(Buffer.from(this.secretOf(r.uid)), given));
    if (!record) return undefined;
    if (record.expiresAt !== null && Date.parse(record.expiresAt) <= Date.now()) return undefined;
    return record;
  }

  allows(record: KeyRecord, action: string, indexUid?: string): boolean {
    return actionAllowed(record.actions, action) && (indexUid === undefined || indexAllowed(record.indexes, indexUid));
  }

  create(body: Record<string, unknown>): KeyView {
    const now = rfc3339(new Date());
    if (body.actions === undefined) throw new MeiliError('missing_api_key_actions', 'Missing field `actions`');
    if (body.indexes === undefined) throw new MeiliError('missing_api_key_indexes', 'Missing field `indexes`');
    if (body.expiresAt === undefined) throw new MeiliError('missing_api_key_expires_at', 'Missing field `expiresAt`');
    const uid = body.uid === undefined ? crypto.randomUUID() : body.uid;
    if (typeof uid !== 'string' || !UUID.test(uid)) throw new MeiliError('invalid_api_key_uid', `Invalid value at \`.uid\`: invalid length: expected length 32 for simple format, found ${String(uid).length}`);
    if (this.find(uid)) throw new MeiliError('api_key_already_exists', `\`uid\` field value \`${uid}\` is already an existing API key.`, 409);
    const record: KeyRecord = {
      uid,
      name: optionalText(body.name, 'name'),
      description: optionalText(body.description, 'description'),
      actions: validActions(body.actions),
      indexes: validIndexes(body.indexes),
      expiresAt: validExpiry(body.expiresAt),
      createdAt: now,
      updatedAt: now,
    };
    this.custom.set(uid, record);
    this.save();
    return this.view(record);
  }

  update(uidOrKey: string, body: Record<string, unknown>): KeyView {
    const record = this.customRecord(uidOrKey);
    for (const field of ['uid', 'actions', 'indexes', 'expiresAt', 'createdAt', 'updatedAt']) {
      if (field in body) throw new MeiliError(`immutable_api_key_${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`, `Immutable field \`${field}\`: expected one of \`description\`, \`name\``);
    }
    if ('name' in body) record.name = optionalText(body.name, 'name');
    if ('description' in body) record.description = optionalText(body.description, 'description');
    record.updatedAt = rfc3339(new Date());
    this.save();
    return this.view(record);
  }

  delete(uidOrKey: string): void {
    const record = this.customRecord(uidOrKey);
    this.custom.delete(record.uid);
    this.save();
  }

  private customRecord(uidOrKey: string): KeyRecord {
    const view = this.find(uidOrKey);
    const record = view && this.custom.get(view.uid);
    if (!record) throw new MeiliError('api_key_not_found', `API key \`${uidOrKey}\` not found.`, 404);
    return record;
  }

  private save(): void {
    replaceFileAtomically(this.file, JSON.stringify([...this.custom.values()]));
  }
}

function optionalText(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new MeiliError(`invalid_api_key_${field}`, `Invalid value type at \`.${field}\`: expected a string, but found ${typeof value}: \`${JSON.stringify(value)}\``);
  return value;
}

function validActions(value: unknown): string[] {
  if (!Array.isArray(value)) throw new MeiliError('invalid_api_key_actions', `Invalid value type at \`.actions\`: expected an array, but found: \`${JSON.stringify(value)}\``);
  for (const action of value) {
    if (!(KEY_ACTIONS as readonly unknown[]).includes(action)) {
      throw new MeiliError('invalid_api_key_actions', `Unknown value \`${String(action)}\` at \`.actions\`: expected one of ${KEY_ACTIONS.map((a) => `\`${a}\``).join(', ')}`);
    }
  }
  return value as string[];
}

function validIndexes(value: unknown): string[] {
  const ok = Array.isArray(value) && value.every((v) => typeof v === 'string' && /^[A-Za-z0-9_-]*\*?$/.test(v) && v.length > 0);
  if (!ok) throw new MeiliError('invalid_api_key_indexes', `Invalid value at \`.indexes\`: \`${JSON.stringify(value)}\` is not a valid index uid pattern.`);
  return value as string[];
}

function validExpiry(value: unknown): string | null {
  if (value === null) return null;
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw new MeiliError('invalid_api_key_expires_at', `Invalid value at \`.expiresAt\`: \`${JSON.stringify(value)}\` is not a valid date. It should follow the RFC 3339 format to represents a date or datetime in the future or specified as a null value.`);
  if (time <= Date.now()) throw new MeiliError('invalid_api_key_expires_at', `Invalid value at \`.expiresAt\`: \`${String(value)}\` is not a valid date. It should follow the RFC 3339 format to represents a date or datetime in the future or specified as a null value.`);
  return rfc3339(new Date(time));
}
