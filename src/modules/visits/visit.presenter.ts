import { renderMarkdown } from '../../http/markdown.js';
import type { VisitAgency } from './visit-agencies.js';
import { calendarDay } from './visit-snapshot.js';
import { visitPageUrl } from './visit.lookup.js';
import type { VisitRecord } from './visit.record.js';

/** What the visit views show. Text stays text (escaped by EJS); only *Html fields are sanitised HTML. */
export interface AgencyLink {
  id: string;
  shortName: string;
  url: string;
}

export interface VisitListItem {
  id: string;
  url: string;
  visiting: AgencyLink[];
  hosts: AgencyLink[];
  startDate: Date;
  endDate: Date;
  sameDay: boolean;
  place: string;
  topics: string[];
  status: string;
  deleted: boolean;
}

export interface VisitDetail extends VisitListItem {
  purpose: string;
  tags: string[];
  delegation: { name: string; position: string; agency: AgencyLink | null }[];
  hostOfficials: { name: string; position: string }[];
  summaryHtml: string;
  agendaHtml: string;
  sources: { url: string; title: string }[];
}

export interface VisitPresentContext {
  agencies: Map<string, VisitAgency>;
  topicNames: Map<string, string>;
}

function agencyLink(id: string, agencies: Map<string, VisitAgency>): AgencyLink {
  return { id, shortName: agencies.get(id)?.shortName ?? '—', url: `/instansi/${id}` };
}

export function presentVisitListItem(visit: VisitRecord, { agencies, topicNames }: VisitPresentContext): VisitListItem {
  return {
    id: visit.id,
    url: visitPageUrl(visit.id),
    visiting: visit.visitingAgencyIds.map((id) => agencyLink(id, agencies)),
    hosts: visit.hostAgencyIds.map((id) => agencyLink(id, agencies)),
    startDate: visit.startDate,
    endDate: visit.endDate,
    sameDay: calendarDay(visit.startDate) === calendarDay(visit.endDate),
    place: visit.place,
    topics: visit.topics.map((code) => topicNames.get(code) ?? code),
    status: visit.status,
    deleted: visit.deletedAt !== null,
  };
}

export function presentVisitDetail(visit: VisitRecord, context: VisitPresentContext): VisitDetail {
  return {
    ...presentVisitListItem(visit, context),
    purpose: visit.purpose,
    tags: visit.tags,
    delegation: visit.delegation.map((p) => ({ name: p.name, position: p.position, agency: p.agencyId ? agencyLink(p.agencyId, context.agencies) : null })),
    hostOfficials: visit.hostOfficials,
    summaryHtml: renderMarkdown(visit.summary),
    agendaHtml: renderMarkdown(visit.agenda),
    sources: visit.sources,
  };
}

/** The JSON shape of a visit in the API. */
export function visitJson(visit: VisitRecord) {
  return {
    id: visit.id,
    visitingAgencyIds: visit.visitingAgencyIds,
    hostAgencyIds: visit.hostAgencyIds,
    startDate: calendarDay(visit.startDate),
    endDate: calendarDay(visit.endDate),
    place: visit.place,
    purpose: visit.purpose,
    topics: visit.topics,
    tags: visit.tags,
    delegation: visit.delegation,
    hostOfficials: visit.hostOfficials,
    summary: visit.summary,
    agenda: visit.agenda,
    sources: visit.sources,
    status: visit.status,
    createdBy: visit.createdBy,
    updatedBy: visit.updatedBy,
    createdAt: visit.createdAt.toISOString(),
    updatedAt: visit.updatedAt.toISOString(),
    deletedAt: visit.deletedAt?.toISOString() ?? null,
  };
}
