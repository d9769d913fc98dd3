/**
 * Data the visit pages need around the records themselves: names, options for pickers and filters.
 * Agency choices include inactive agencies, so old visits keep their agencies when edited.
 */
import { agencyOptions as agencyChoices } from '../agencies/agency.lookup.js';
import type { ActingUser } from '../../auth/acting-user.js';
import { adoptionSourceOptions } from '../practices/practice.queries.js';
import { listProvinces } from '../regions/region.service.js';
import { listTopics, topicNames } from '../topics/topic.service.js';
import { loadVisitAgencies } from './visit-agencies.js';
import type { VisitPresentContext } from './visit.presenter.js';
import type { VisitRecord } from './visit.record.js';
import { mentionedAgencyIds } from './visit-snapshot.js';

export async function presentContext(visits: VisitRecord[], lang: string): Promise<VisitPresentContext> {
  const [agencies, names] = await Promise.all([loadVisitAgencies(visits.flatMap((v) => mentionedAgencyIds(v))), topicNames(lang)]);
  return { agencies, topicNames: names };
}

export interface Option {
  value: string;
  label: string;
}

export async function topicOptions(lang: string): Promise<Option[]> {
  return (await listTopics()).map((t) => ({ value: t.code, label: lang === 'en' ? t.nameEn : t.name }));
}

export async function agencyOptions(): Promise<Option[]> {
  return (await agencyChoices('all')).map((a) => ({ value: a.id, label: a.label }));
}

export async function provinceOptions(): Promise<Option[]> {
  return (await listProvinces()).map((p) => ({ value: p.code, label: p.name }));
}

/** Practices the actor may pick as "shown at this visit" (the visible catalogue, by name). */
export async function practiceOptions(actor: ActingUser): Promise<Option[]> {
  return (await adoptionSourceOptions(actor, null)).map((p) => ({ value: p.id, label: `${p.name} — ${p.ownerAgencyName}` }));
}
