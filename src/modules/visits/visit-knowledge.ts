/**
 * What the practice and lesson modules know about one visit or one agency, already filtered by
 * their own visibility rules for the actor (drafts of other agencies never appear).
 */
import type { ActingUser } from '../../auth/acting-user.js';
import { listLessonsByAgency, listLessonsByVisit } from '../lessons/lesson.queries.js';
import { findPracticeSummaries, listPracticesByOwner } from '../practices/practice.queries.js';

export interface PracticeLink {
  id: string;
  name: string;
  ownerAgencyName: string;
  url: string;
}

export interface LessonLink {
  id: string;
  title: string;
  lesson: string;
  url: string;
}

export interface VisitKnowledge {
  practices: PracticeLink[];
  lessons: LessonLink[];
}

const practiceUrl = (id: string) => `/praktik/${id}`;
const lessonUrl = (id: string) => `/pelajaran/${id}`;

function lessonLinks(lessons: { id: string; title: string; lesson: string }[]): LessonLink[] {
  return lessons.map((l) => ({ id: l.id, title: l.title, lesson: l.lesson, url: lessonUrl(l.id) }));
}

export async function visitKnowledge(actor: ActingUser, practiceIds: string[], visitId: string): Promise<VisitKnowledge> {
  const [practices, lessons] = await Promise.all([findPracticeSummaries(actor, practiceIds), listLessonsByVisit(actor, visitId)]);
  return {
    practices: practices.map((p) => ({ id: p.id, name: p.name, ownerAgencyName: p.ownerAgencyName, url: practiceUrl(p.id) })),
    lessons: lessonLinks(lessons),
  };
}

export async function agencyKnowledge(actor: ActingUser, agencyId: string) {
  const [practices, lessons] = await Promise.all([listPracticesByOwner(actor, agencyId), listLessonsByAgency(actor, agencyId)]);
  return {
    practices: practices.map((p) => ({ id: p.id, name: p.name, shortDescription: p.shortDescription, url: practiceUrl(p.id) })),
    lessons: lessonLinks(lessons),
  };
}
