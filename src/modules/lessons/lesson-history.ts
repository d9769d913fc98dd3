/** A lesson's history as its page shows it: the agency, topics, visit and practices by name, the day as written. */
import type { ActingUser } from '../../auth/acting-user.js';
import { agencyShortNames } from '../agencies/agency.lookup.js';
import { presentRevision, type RevisionView } from '../history/revision.presenter.js';
import { asDay, byName, lifecycleReaders, valuesIn, type HistoryWords } from '../history/revision-values.js';
import { listRevisions } from '../history/revision.service.js';
import { findPracticeSummaries } from '../practices/practice.queries.js';
import { findVisitForLesson } from '../practices/visit-links.js';
import { topicNames } from '../topics/topic.service.js';

export async function lessonHistory(actor: ActingUser | null, lessonId: string, words: HistoryWords): Promise<RevisionView[]> {
  const revisions = await listRevisions('lesson', lessonId);
  // Only the visits and practices the reader may see are named.
  const [agencies, visits, practices, topics] = await Promise.all([
    agencyShortNames(valuesIn(revisions, ['recorderAgencyId'])),
    Promise.all(valuesIn(revisions, ['visitId']).map((id) => findVisitForLesson(actor, id))),
    findPracticeSummaries(actor, valuesIn(revisions, ['practiceIds'])),
    topicNames(words.lang),
  ]);
  const unseen = words.t('history:unseen_record');
  const readers = {
    ...lifecycleReaders(words, 'practices:statuses'),
    recorderAgencyId: byName(agencies),
    visitId: byName(new Map(visits.flatMap((visit) => (visit ? [[visit.id, visit.label] as const] : []))), unseen),
    practiceIds: byName(new Map(practices.map((p) => [p.id, p.name])), unseen),
    topics: byName(topics),
    observedOn: asDay(words),
  };
  return revisions.map((revision) => presentRevision(revision, readers));
}
