import { renderMarkdown } from '../../http/markdown.js';
import { dateOnlyString } from './knowledge-fields.js';
import type { KnowledgeLabels } from './knowledge-pages.js';
import type { PracticeRecord } from './practice.record.js';

/** Plain strings and i18n keys for the views; Markdown already rendered and sanitised. */
export interface PracticeView {
  id: string;
  name: string;
  shortDescription: string;
  descriptionHtml: string;
  ownerAgencyId: string;
  ownerAgencyName: string;
  categoryKey: string;
  topics: string[];
  tags: string[];
  channel: string;
  stageKey: string;
  startDate: Date | null;
  digitalKey: string;
  evidence: { date: Date; label: string; value: string }[];
  contact: { name: string; position: string; email: string; phone: string };
  hasContact: boolean;
  adoptedFromId: string | null;
  statusKey: string;
  draft: boolean;
  deleted: boolean;
}

export function presentPractice(practice: PracticeRecord, labels: KnowledgeLabels): PracticeView {
  return {
    id: practice.id,
    name: practice.name,
    shortDescription: practice.shortDescription,
    descriptionHtml: renderMarkdown(practice.description),
    ownerAgencyId: practice.ownerAgencyId,
    ownerAgencyName: labels.agencyNames.get(practice.ownerAgencyId) ?? '',
    categoryKey: `practices:categories.${practice.category}`,
    topics: practice.topics.map((code) => labels.topicNames.get(code) ?? code),
    tags: practice.tags,
    channel: practice.channel,
    stageKey: `practices:stages.${practice.stage}`,
    startDate: practice.startDate,
    digitalKey: practice.digital ? 'practices:digital.yes' : 'practices:digital.no',
    // The timeline reads oldest to newest.
    evidence: [...practice.evidence].sort((a, b) => a.date.getTime() - b.date.getTime()),
    contact: practice.contact,
    hasContact: Object.values(practice.contact).some((v) => v !== ''),
    adoptedFromId: practice.adoptedFromId,
    statusKey: `practices:statuses.${practice.status}`,
    draft: practice.status === 'draft',
    deleted: practice.deletedAt !== null,
  };
}

const dateInput = (date: Date | null) => dateOnlyString(date) ?? '';

/** The form's values as its inputs hold them (strings; topics as the list of ticked codes). */
export interface PracticeFormValues {
  ownerAgencyId: string;
  name: string;
  shortDescription: string;
  description: string;
  category: string;
  topics: string[];
  tags: string;
  channel: string;
  stage: string;
  startDate: string;
  digital: boolean;
  evidence: string;
  'contact.name': string;
  'contact.position': string;
  'contact.email': string;
  'contact.phone': string;
  adoptedFromId: string;
  status: string;
}

export function practiceFormValues(p: PracticeRecord): PracticeFormValues {
  return {
    ownerAgencyId: p.ownerAgencyId,
    name: p.name,
    shortDescription: p.shortDescription,
    description: p.description,
    category: p.category,
    topics: p.topics,
    tags: p.tags.join(', '),
    channel: p.channel,
    stage: p.stage,
    startDate: dateInput(p.startDate),
    digital: p.digital,
    evidence: p.evidence.map((e) => [dateInput(e.date), e.label, e.value].filter(Boolean).join(' | ')).join('\n'),
    'contact.name': p.contact.name,
    'contact.position': p.contact.position,
    'contact.email': p.contact.email,
    'contact.phone': p.contact.phone,
    adoptedFromId: p.adoptedFromId ?? '',
    status: p.status,
  };
}

export function emptyPracticeForm(ownerAgencyId: string): PracticeFormValues {
  return {
    ownerAgencyId, name: '', shortDescription: '', description: '', category: '', topics: [], tags: '', channel: '', stage: '',
    startDate: '', digital: false, evidence: '', 'contact.name': '', 'contact.position': '', 'contact.email': '', 'contact.phone': '',
    adoptedFromId: '', status: 'draft',
  };
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown) => (Array.isArray(v) ? v.map(text) : typeof v === 'string' && v !== '' ? [v] : []);

/** What was typed, for a 422 re-render. */
export function submittedPracticeForm(body: Record<string, unknown>): PracticeFormValues {
  return {
    ownerAgencyId: text(body.ownerAgencyId), name: text(body.name), shortDescription: text(body.shortDescription),
    description: text(body.description), category: text(body.category), topics: list(body.topics), tags: text(body.tags),
    channel: text(body.channel), stage: text(body.stage), startDate: text(body.startDate), digital: body.digital === '1',
    evidence: text(body.evidence), 'contact.name': text(body['contact.name']), 'contact.position': text(body['contact.position']),
    'contact.email': text(body['contact.email']), 'contact.phone': text(body['contact.phone']),
    adoptedFromId: text(body.adoptedFromId), status: text(body.status),
  };
}

/** Form body → service input: "contact.x" fields become the contact object; unticked boxes are empty/false. */
export function practiceFormInput(body: Record<string, unknown>): Record<string, unknown> {
  const { 'contact.name': name, 'contact.position': position, 'contact.email': email, 'contact.phone': phone, ...rest } = body;
  return { ...rest, topics: body.topics ?? [], digital: body.digital ?? false, contact: { name, position, email, phone } };
}

/** The JSON shape of a practice in the API. */
export function practiceJson(p: PracticeRecord) {
  return {
    id: p.id,
    ownerAgencyId: p.ownerAgencyId,
    name: p.name,
    shortDescription: p.shortDescription,
    description: p.description,
    category: p.category,
    topics: p.topics,
    tags: p.tags,
    channel: p.channel,
    stage: p.stage,
    startDate: dateOnlyString(p.startDate),
    digital: p.digital,
    evidence: p.evidence.map((e) => ({ date: dateOnlyString(e.date), label: e.label, value: e.value })),
    contact: p.contact,
    adoptedFromId: p.adoptedFromId,
    status: p.status,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    deletedAt: p.deletedAt?.toISOString() ?? null,
  };
}
