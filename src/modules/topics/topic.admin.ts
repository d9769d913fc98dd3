/**
 * Admins manage the topic list: add a topic, rename it, retire it (active=false keeps it valid on
 * records that already carry it, but it is no longer offered).
 */
import { z } from 'zod';
import { isAdmin, type ActingUser } from '../../auth/acting-user.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { TopicModel } from './topic.model.js';
import { ensureTopicsLoaded, type TopicRecord } from './topic.service.js';

const name = z.string().trim().min(2, 'topics:errors.name_required').max(80, 'topics:errors.name_too_long');

export const newTopicSchema = z.object({
  code: z.string().trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'topics:errors.code_invalid').max(40, 'topics:errors.code_invalid'),
  name,
  nameEn: name,
});

export const topicChangeSchema = z.object({ name: name.optional(), nameEn: name.optional(), active: z.boolean().optional() });

function assertAdmin(actor: ActingUser | null): void {
  if (!actor || !isAdmin(actor)) throw new ForbiddenError();
}

const toRecord = (d: { code: string; name: string; nameEn: string; active: boolean }): TopicRecord => ({ code: d.code, name: d.name, nameEn: d.nameEn, active: d.active });

export async function createTopic(actor: ActingUser | null, raw: unknown): Promise<TopicRecord> {
  assertAdmin(actor);
  const input = parseInput(newTopicSchema, raw);
  await ensureTopicsLoaded();
  if (await TopicModel.exists({ code: { $eq: input.code } })) throw new ValidationError({ code: 'topics:errors.code_taken' });
  return toRecord(await TopicModel.create(input));
}

export async function updateTopic(actor: ActingUser | null, code: string, raw: unknown): Promise<TopicRecord> {
  assertAdmin(actor);
  const changes = parseInput(topicChangeSchema, raw);
  await ensureTopicsLoaded();
  const doc = await TopicModel.findOne({ code: { $eq: code } });
  if (!doc) throw new NotFoundError();
  doc.set(changes);
  await doc.save();
  return toRecord(doc);
}
