/**
 * The visit HTML form. Its repeatable rows (delegation, host officials, sources) are parallel
 * inputs with the same name (delegationName, delegationPosition, …), since the body parser does
 * not nest. Blank rows are dropped before validation and also when the form is shown again, so
 * a row's index in an error path ('delegation.1.name') is the index of the row on screen.
 */
import type { VisitRecord } from './visit.record.js';
import { calendarDay } from './visit-snapshot.js';

type Row = Record<string, string>;

export interface VisitFormValues {
  visitingAgencyIds: string[];
  hostAgencyIds: string[];
  startDate: string;
  endDate: string;
  place: string;
  purpose: string;
  topics: string[];
  tags: string;
  delegation: Row[];
  hostOfficials: Row[];
  sources: Row[];
  practiceIds: string[];
  newPractices: Row[];
  summary: string;
  agenda: string;
  status: string;
}

/** Form input names of each repeatable group → the input field each name fills. */
const ROW_GROUPS = {
  delegation: { delegationName: 'name', delegationPosition: 'position', delegationAgencyId: 'agencyId' },
  hostOfficials: { hostOfficialName: 'name', hostOfficialPosition: 'position' },
  sources: { sourceUrl: 'url', sourceTitle: 'title' },
  newPractices: { newPracticeName: 'name', newPracticeDescription: 'shortDescription', newPracticeOwnerId: 'ownerAgencyId' },
} as const;
type RowGroup = keyof typeof ROW_GROUPS;

/** Blank rows shown under the filled ones, so more people or links can be added without script. */
const SPARE_ROWS: Record<RowGroup, number> = { delegation: 3, hostOfficials: 2, sources: 2, newPractices: 2 };

function list(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function rowsOf(body: Record<string, unknown>, group: RowGroup): Row[] {
  const names = ROW_GROUPS[group] as Record<string, string>;
  const columns = Object.entries(names).map(([input, field]) => [field, list(body[input])] as const);
  const count = Math.max(0, ...columns.map(([, values]) => values.length));
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const row = Object.fromEntries(columns.map(([field, values]) => [field, values[i] ?? '']));
    if (Object.values(row).some((v) => v.trim() !== '')) rows.push(row);
  }
  return rows;
}

function bodyOf(raw: unknown): Record<string, unknown> {
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
}

/** What the user typed, organised for the form (rows compacted). */
export function submittedVisitForm(raw: unknown): VisitFormValues {
  const body = bodyOf(raw);
  return {
    visitingAgencyIds: list(body.visitingAgencyIds),
    hostAgencyIds: list(body.hostAgencyIds),
    startDate: text(body.startDate),
    endDate: text(body.endDate),
    place: text(body.place),
    purpose: text(body.purpose),
    topics: list(body.topics),
    tags: text(body.tags),
    delegation: rowsOf(body, 'delegation'),
    hostOfficials: rowsOf(body, 'hostOfficials'),
    sources: rowsOf(body, 'sources'),
    practiceIds: list(body.practiceIds),
    newPractices: rowsOf(body, 'newPractices'),
    summary: text(body.summary),
    agenda: text(body.agenda),
    status: text(body.status),
  };
}

/** The form as the API-shaped input the service validates (every field present). */
export function visitFormToInput(raw: unknown): Record<string, unknown> {
  return { ...submittedVisitForm(raw) };
}

export function visitFormValues(visit: VisitRecord): VisitFormValues {
  return {
    visitingAgencyIds: visit.visitingAgencyIds,
    hostAgencyIds: visit.hostAgencyIds,
    startDate: calendarDay(visit.startDate),
    endDate: calendarDay(visit.endDate),
    place: visit.place,
    purpose: visit.purpose,
    topics: visit.topics,
    tags: visit.tags.join(', '),
    delegation: visit.delegation.map((p) => ({ name: p.name, position: p.position, agencyId: p.agencyId ?? '' })),
    hostOfficials: visit.hostOfficials.map((p) => ({ ...p })),
    sources: visit.sources.map((s) => ({ ...s })),
    practiceIds: visit.practiceIds,
    newPractices: [],
    summary: visit.summary,
    agenda: visit.agenda,
    status: visit.status,
  };
}

/** A new visit: the actor's agency preselected as visitor, saved as a draft unless chosen otherwise. */
export function emptyVisitForm(agencyId: string | null): VisitFormValues {
  return {
    visitingAgencyIds: agencyId ? [agencyId] : [],
    hostAgencyIds: [],
    startDate: '',
    endDate: '',
    place: '',
    purpose: '',
    topics: [],
    tags: '',
    delegation: [],
    hostOfficials: [],
    sources: [],
    practiceIds: [],
    newPractices: [],
    summary: '',
    agenda: '',
    status: 'draft',
  };
}

/** The rows to draw: the filled ones plus blank spares. */
export function withSpareRows(values: VisitFormValues): VisitFormValues {
  const pad = (rows: Row[], group: RowGroup) => {
    const blank = Object.fromEntries(Object.values(ROW_GROUPS[group]).map((field) => [field, '']));
    return [...rows, ...Array.from({ length: SPARE_ROWS[group] }, () => ({ ...blank }))];
  };
  return {
    ...values,
    delegation: pad(values.delegation, 'delegation'),
    hostOfficials: pad(values.hostOfficials, 'hostOfficials'),
    sources: pad(values.sources, 'sources'),
    newPractices: pad(values.newPractices, 'newPractices'),
  };
}
