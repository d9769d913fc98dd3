import { z } from 'zod';
import { choice } from '../agencies/schema-kit.js';
import {
  checkbox,
  dateOnly,
  listQueryBase,
  objectId,
  optionalDate,
  optionalObjectId,
  optionalText,
  requiredText,
  stringList,
} from './knowledge-fields.js';
import { KNOWLEDGE_STATUSES, PRACTICE_CATEGORIES, PRACTICE_STAGES } from './practice.model.js';

const E = 'practices:errors';

/** One evidence entry; the form writes one per line as "2022-05-31 | label | value". */
const evidenceEntry = z.object({
  date: dateOnly(`${E}.evidence_date`),
  label: requiredText(1, 200, `${E}.evidence_label`, `${E}.evidence_label`),
  value: optionalText(200, `${E}.evidence_value_too_long`),
});

function evidenceLines(v: unknown): unknown {
  if (typeof v !== 'string') return v ?? [];
  return v
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [date = '', label = '', ...rest] = line.split('|').map((part) => part.trim());
      return { date, label, value: rest.join(' | ') };
    });
}

const contact = z
  .object({
    name: optionalText(120, `${E}.contact_too_long`),
    position: optionalText(120, `${E}.contact_too_long`),
    email: optionalText(120, `${E}.contact_email`).refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), `${E}.contact_email`),
    phone: optionalText(40, `${E}.contact_phone`).refine((s) => s === '' || /^[+0-9 ()-]{6,40}$/.test(s), `${E}.contact_phone`),
  })
  .default({});

export const practiceInputSchema = z.object({
  ownerAgencyId: objectId(`${E}.owner_required`),
  name: requiredText(3, 200, `${E}.name_required`, `${E}.name_too_long`),
  shortDescription: requiredText(10, 500, `${E}.short_description_required`, `${E}.short_description_too_long`),
  description: optionalText(20_000, `${E}.description_too_long`),
  category: choice(PRACTICE_CATEGORIES, `${E}.category_invalid`),
  topics: stringList(10, 60, `${E}.topics_invalid`),
  tags: stringList(20, 50, `${E}.tags_invalid`),
  channel: optionalText(200, `${E}.channel_too_long`),
  stage: choice(PRACTICE_STAGES, `${E}.stage_invalid`),
  startDate: optionalDate(`${E}.start_date_invalid`),
  digital: checkbox,
  evidence: z.preprocess(evidenceLines, z.array(evidenceEntry, { invalid_type_error: `${E}.evidence_invalid` }).max(50, `${E}.evidence_too_many`)),
  contact,
  adoptedFromId: optionalObjectId(`${E}.adopted_from_invalid`),
  status: z.preprocess((v) => v ?? 'draft', choice(KNOWLEDGE_STATUSES, `${E}.status_invalid`)),
});
export type PracticeInput = z.infer<typeof practiceInputSchema>;

/** What createPracticeInline accepts from the visit form. */
export const inlinePracticeSchema = practiceInputSchema.pick({ ownerAgencyId: true, name: true, shortDescription: true });

export const PRACTICE_SORTS = ['newest', 'oldest', 'name', 'start_date', 'replicated'] as const;
export type PracticeSort = (typeof PRACTICE_SORTS)[number];

export const practiceListQuerySchema = z.object({
  ...listQueryBase,
  stage: z.enum([...PRACTICE_STAGES, '']).optional().default(''),
  status: z.enum([...KNOWLEDGE_STATUSES, 'deleted', '']).optional().default('').describe('deleted: the deleted practices (admins; nothing for others).'),
  sort: z.enum([...PRACTICE_SORTS, '']).optional().default('').describe('newest (the default): the last recorded first; start_date: the latest start first; replicated: the practices adopted by the most published practices first, then the others, newest first.'),
});
export type PracticeListQuery = z.infer<typeof practiceListQuerySchema>;
