/**
 * The set of indexes and the one place where a task's payload changes them. Live processing and
 * journal replay both go through `apply`, so a replayed task has exactly the effect it had live.
 */
import { MeiliError } from '../errors.js';
import { SearchIndex, defaultSettings, documentIdOf, mergeSettings } from '../core/index.js';
import { defaultChatSettings, mergeChatSettings } from './chat-settings.js';
import type { ChatSettings } from './chat-settings.js';
import type { TaskPayload } from './task-model.js';

export interface IndexEntry {
  uid: string;
  index: SearchIndex;
  chat: ChatSettings;
  createdAt: string;
  updatedAt: string;
}

function indexNotFound(uid: string): MeiliError {
  return new MeiliError('index_not_found', `Index \`${uid}\` not found.`, 404);
}

export class Catalog {
  readonly indexes = new Map<string, IndexEntry>();

  get(uid: string): IndexEntry {
    const entry = this.indexes.get(uid);
    if (!entry) throw indexNotFound(uid);
    return entry;
  }

  /** Sorted by uid, as GET /indexes lists them. */
  list(): IndexEntry[] {
    return [...this.indexes.values()].sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  }

  /** Runs one task against the indexes; returns the details to merge into the finished task. Throws MeiliError on failure, leaving the catalog unchanged. */
  apply(indexUid: string | null, payload: TaskPayload, now: string): Record<string, unknown> {
    switch (payload.kind) {
      case 'createIndex': {
        const uid = indexUid as string;
        if (this.indexes.has(uid)) throw new MeiliError('index_already_exists', `Index \`${uid}\` already exists.`, 409);
        this.create(uid, payload.primaryKey, now);
        return {};
      }
      case 'updateIndex':
        return this.updateIndex(indexUid as string, payload, now);
      case 'deleteIndex': {
        const entry = this.get(indexUid as string);
        this.indexes.delete(entry.uid);
        return { deletedDocuments: entry.index.numberOfDocuments };
      }
      case 'swapIndexes':
        this.swap(payload.swaps, now);
        return {};
      case 'addDocuments':
        return this.upsert(indexUid as string, now, (entry) => {
          const documents = payload.skipCreation ? existingOnly(entry.index, payload.documents) : payload.documents;
          return entry.index.addDocuments(documents, payload.mode, payload.primaryKey);
        });
      case 'deleteDocuments':
        return this.touch(indexUid, now, (index) => index.deleteDocuments(payload.ids));
      case 'deleteByFilter':
        return this.touch(indexUid, now, (index) => index.deleteByFilter(payload.filter));
      case 'deleteAllDocuments':
        return this.touch(indexUid, now, (index) => index.deleteAll());
      case 'updateSettings':
        return this.upsert(indexUid as string, now, (entry) => {
          entry.index.updateSettings(mergeSettings(entry.index.settings, payload.patch));
          return {};
        });
      case 'updateChat':
        return this.upsert(indexUid as string, now, (entry) => {
          entry.chat = mergeChatSettings(entry.chat, payload.patch);
          return {};
        });
      case 'cancelTasks':
      case 'deleteTasks':
        throw new Error(`${payload.kind} is handled by the task queue`);
    }
  }

  private create(uid: string, primaryKey: string | null, now: string): IndexEntry {
    const entry: IndexEntry = { uid, index: new SearchIndex(defaultSettings(), primaryKey), chat: defaultChatSettings(), createdAt: now, updatedAt: now };
    this.indexes.set(uid, entry);
    return entry;
  }

  /**
   * Runs a change on an index, creating it first when missing (as Meilisearch does for document
   * additions and settings); a failed change leaves no newly created index behind.
   */
  private upsert(uid: string, now: string, change: (entry: IndexEntry) => Record<string, unknown>): Record<string, unknown> {
    const created = !this.indexes.has(uid);
    const entry = created ? this.create(uid, null, now) : this.get(uid);
    try {
      const details = change(entry);
      entry.updatedAt = now;
      return details;
    } catch (err) {
      if (created) this.indexes.delete(uid);
      throw err;
    }
  }

  private touch(indexUid: string | null, now: string, run: (index: SearchIndex) => number): Record<string, unknown> {
    const entry = this.get(indexUid as string);
    const deletedDocuments = run(entry.index);
    entry.updatedAt = now;
    return { deletedDocuments };
  }

  private updateIndex(uid: string, payload: Extract<TaskPayload, { kind: 'updateIndex' }>, now: string): Record<string, unknown> {
    const entry = this.get(uid);
    if (payload.newUid !== undefined && payload.newUid !== uid && this.indexes.has(payload.newUid)) {
      throw new MeiliError('index_already_exists', `Index \`${payload.newUid}\` already exists.`, 409);
    }
    if (payload.primaryKey !== undefined && payload.primaryKey !== null && payload.primaryKey !== entry.index.primaryKey) {
      if (entry.index.numberOfDocuments > 0 && entry.index.primaryKey !== null) {
        throw new MeiliError('index_primary_key_already_exists', `Index \`${uid}\`: Index already has a primary key: \`${entry.index.primaryKey}\`.`);
      }
      entry.index.primaryKey = payload.primaryKey;
    }
    if (payload.newUid !== undefined && payload.newUid !== uid) {
      this.indexes.delete(uid);
      entry.uid = payload.newUid;
      this.indexes.set(entry.uid, entry);
    }
    entry.updatedAt = now;
    return {};
  }

  private swap(swaps: { indexes: [string, string]; rename: boolean }[], now: string): void {
    const missing = swaps.flatMap((s) => (s.rename ? [s.indexes[0]] : s.indexes)).filter((uid) => !this.indexes.has(uid));
    if (missing.length > 0) {
      const list = missing.map((uid) => `\`${uid}\``).join(', ');
      throw new MeiliError('index_not_found', missing.length === 1 ? `Index ${list} not found.` : `Indexes ${list} not found.`, 404);
    }
    const clashes = swaps.filter((s) => s.rename && this.indexes.has(s.indexes[1]));
    if (clashes.length > 0) {
      const uid = clashes[0].indexes[1];
      throw new MeiliError('index_already_exists', `Index \`${uid}\` already exists.`, 409);
    }
    for (const { indexes: [a, b], rename } of swaps) {
      const first = this.get(a);
      const second = this.indexes.get(b);
      this.indexes.delete(a);
      this.indexes.delete(b);
      first.uid = b;
      first.updatedAt = now;
      this.indexes.set(b, first);
      if (second && !rename) {
        second.uid = a;
        second.updatedAt = now;
        this.indexes.set(a, second);
      }
    }
  }
}

/** `skipCreation`: only the documents whose id already exists are written. */
function existingOnly(index: SearchIndex, documents: Record<string, unknown>[]): Record<string, unknown>[] {
  const key = index.primaryKey;
  if (key === null) return [];
  return documents.filter((doc) => {
    try {
      index.getDocument(documentIdOf(doc, key));
      return true;
    } catch {
      return false;
    }
  });
}
