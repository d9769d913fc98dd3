import { z } from 'zod';
import { choice } from '../agencies/schema-kit.js';
import {
  listQueryBase,
  objectId,
  objectIdList,
  optionalDate,
  optionalObjectId,
  optionalText,
  requiredText,
  stringList,
} from '../practices/knowledge-fields.js';
import { KNOWLEDGE_STATUSES } from '../practices/practice.model.js';

const E = 'lessons:errors';

export const lessonInputSchema = z.object({
  title: requiredText(3, 200, `${E}.title_required`, `${E}.title_too_long`),
  observation: requiredText(10, 5_000, `${E}.observation_required`, `${E}.observation_too_long`),
  lesson: requiredText(10, 5_000, `${E}.lesson_required`, `${E}.lesson_too_long`),
  recommendation: optionalText(5_000, `${E}.recommendation_too_long`),
  appliesTo: optionalText(300, `${E}.applies_to_too_long`),
  visitId: optionalObjectId(`${E}.visit_unknown`),
  practiceIds: objectIdList(20, `${E}.practices_invalid`),
  topics: stringList(10, 60, `${E}.topics_invalid`),
  tags: stringList(20, 50, `${E}.tags_invalid`),
  observedOn: optionalDate(`${E}.observed_on_invalid`),
  recorderAgencyId: objectId(`${E}.recorder_agency_unknown`),
  status: z.preprocess((v) => v ?? 'draft', choice(KNOWLEDGE_STATUSES, `${E}.status_invalid`)),
});
export type LessonInput = z.infer<typeof lessonInputSchema>;

/** The references a lesson makes, parsed on their own so their checks run whatever else fails. */
export const lessonLinksSchema = lessonInputSchema.pick({ visitId: true, practiceIds: true });

export const LESSON_SORTS = ['newest', 'oldest', 'title', 'observed'] as const;
export type LessonSort = (typeof LESSON_SORTS)[number];

export const lessonListQuerySchema = z.object({
  ...listQueryBase,
  status: z.enum([...KNOWLEDGE_STATUSES, 'deleted', '']).optional().default('').describe('deleted: the deleted lessons (admins; nothing for others).'),
  sort: z.enum([...LESSON_SORTS, '']).optional().default('').describe('newest (the default): the last recorded first; observed: the latest observation first.'),
});
