import mongoose from 'mongoose';
import type { MongoClient } from 'mongodb';
import { NotFoundError, ValidationError } from '../../http/errors.js';
import { DEFAULT_TOPICS } from './topic.catalogue.js';
import { TopicModel } from './topic.model.js';

/** Plain topic data for presenters and other modules. */
export interface TopicRecord {
  code: string;
  name: string;
  nameEn: string;
  active: boolean;
}

/** One load per database client: tests open a fresh database (and client) per app. */
const loadedFor = new WeakMap<MongoClient, Promise<void>>();

/**
 * Inserts the default topics that are missing (idempotent), so a fresh database works without
 * running the seed.
 */
export function ensureTopicsLoaded(): Promise<void> {
  const client = mongoose.connection.getClient();
  let loading = loadedFor.get(client);
  if (!loading) {
    loading = insertMissingTopics().catch((error: unknown) => {
      loadedFor.delete(client);
      throw error;
    });
    loadedFor.set(client, loading);
  }
  return loading;
}

async function insertMissingTopics(): Promise<void> {
  const existing = new Set((await TopicModel.find({}, { code: 1 }).lean()).map((t) => t.code));
  const missing = DEFAULT_TOPICS.filter((t) => !existing.has(t.code));
  if (missing.length > 0) await TopicModel.insertMany(missing, { ordered: false }).catch(ignoreDuplicates);
}

/** Concurrent first loads may both insert; the unique index keeps one copy. */
function ignoreDuplicates(error: unknown): void {
  const code = (error as { code?: unknown }).code;
  if (code !== 11000) throw error;
}

async function readTopics(filter: Record<string, unknown>): Promise<TopicRecord[]> {
  await ensureTopicsLoaded();
  const docs = await TopicModel.find(filter).sort({ name: 1 }).lean();
  return docs.map((d) => ({ code: d.code, name: d.name, nameEn: d.nameEn, active: d.active }));
}

/** Active topics for pickers and filters, by name. */
export function listTopics(): Promise<TopicRecord[]> {
  return readTopics({ active: true });
}

/** Every topic, retired ones included, by name (the admin list). */
export function listAllTopics(): Promise<TopicRecord[]> {
  return readTopics({});
}

/** One topic by code, retired or not; NotFoundError when the code is not in the list. */
export async function getTopic(code: string): Promise<TopicRecord> {
  const [topic] = await readTopics({ code: { $eq: code } });
  if (!topic) throw new NotFoundError();
  return topic;
}

/** Names by code (inactive topics included, so old records still show a name). */
export async function topicNames(lang: string): Promise<Map<string, string>> {
  const all = await listAllTopics();
  return new Map(all.map((t) => [t.code, lang === 'en' ? t.nameEn : t.name]));
}

/**
 * Throws ValidationError({[field]: 'topics:errors.unknown'}) when a code is not in the managed
 * list. Already-stored codes of a record may be passed in `keep` so a retired topic does not
 * block editing it.
 */
export async function assertTopicCodes(codes: readonly string[], field = 'topics', keep: readonly string[] = []): Promise<void> {
  if (codes.length === 0) return;
  await ensureTopicsLoaded();
  const known = new Set((await TopicModel.find({ code: { $in: [...codes] }, active: true }, { code: 1 }).lean()).map((t) => t.code));
  for (const code of keep) known.add(code);
  if (codes.some((code) => !known.has(code))) throw new ValidationError({ [field]: 'topics:errors.unknown' });
}
