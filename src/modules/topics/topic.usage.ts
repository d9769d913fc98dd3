/**
 * How many records (visits, practices, lessons; soft-deleted ones left out) carry each topic, so
 * an admin sees what a rename or retirement touches. One grouped count per collection.
 */
import type { Collection } from 'mongodb';
import { LessonModel } from '../lessons/lesson.model.js';
import { PracticeModel } from '../practices/practice.model.js';
import { VisitModel } from '../visits/visit.model.js';

interface UsageRow {
  _id: string;
  count: number;
}

function countByTopic(collection: Collection): Promise<UsageRow[]> {
  return collection
    .aggregate<UsageRow>([
      { $match: { deletedAt: null, 'topics.0': { $exists: true } } },
      // A code repeated inside one record still counts that record once.
      { $project: { topics: { $setUnion: ['$topics', []] } } },
      { $unwind: '$topics' },
      { $group: { _id: '$topics', count: { $sum: 1 } } },
    ])
    .toArray();
}

/** Record count by topic code; codes nobody uses are absent (read them as 0). */
export async function topicUsageCounts(): Promise<Map<string, number>> {
  const collections = [VisitModel.collection, PracticeModel.collection, LessonModel.collection];
  const counts = new Map<string, number>();
  for (const rows of await Promise.all(collections.map(countByTopic))) {
    for (const { _id, count } of rows) counts.set(_id, (counts.get(_id) ?? 0) + count);
  }
  return counts;
}
