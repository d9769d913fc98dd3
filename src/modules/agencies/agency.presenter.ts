import { submittedForm } from './form-values.js';
import type { AgencyRecord } from './agency.service.js';

/** What the agency views show; labels are i18n keys the view translates. */
export interface AgencyView {
  id: string;
  name: string;
  shortName: string;
  aliases: string[];
  levelKey: string;
  regionCode: string;
  /** "Kota Solok, Sumatera Barat" or "Sumatera Barat"; empty for agencies without a region. */
  regionLabel: string;
  address: string;
  website: string;
  active: boolean;
}

export function presentAgency(agency: AgencyRecord): AgencyView {
  const regionLabel = [agency.regencyName, agency.provinceName].filter(Boolean).join(', ');
  return {
    id: agency.id,
    name: agency.name,
    shortName: agency.shortName,
    aliases: agency.aliases,
    levelKey: `agencies:levels.${agency.level}`,
    regionCode: agency.regionCode ?? '',
    regionLabel,
    address: agency.address,
    website: agency.website,
    active: agency.active,
  };
}

export const AGENCY_FORM_FIELDS = ['name', 'shortName', 'aliases', 'level', 'regionCode', 'address', 'website'] as const;

/** Values of the agency form: strings exactly as the inputs hold them. */
export type AgencyFormValues = Record<(typeof AGENCY_FORM_FIELDS)[number], string>;

export const EMPTY_AGENCY_FORM: AgencyFormValues = submittedForm(undefined, AGENCY_FORM_FIELDS);

export function agencyFormValues(agency: AgencyRecord): AgencyFormValues {
  return {
    name: agency.name,
    shortName: agency.shortName,
    aliases: agency.aliases.join('\n'),
    level: agency.level,
    regionCode: agency.regionCode ?? '',
    address: agency.address,
    website: agency.website,
  };
}

/** The JSON shape of an agency in the API. */
export function agencyJson(agency: AgencyRecord) {
  return {
    id: agency.id,
    name: agency.name,
    shortName: agency.shortName,
    aliases: agency.aliases,
    level: agency.level,
    region: {
      code: agency.regionCode,
      provinceCode: agency.provinceCode,
      provinceName: agency.provinceName,
      regencyName: agency.regencyName,
    },
    address: agency.address,
    website: agency.website,
    active: agency.active,
    createdAt: agency.createdAt.toISOString(),
    updatedAt: agency.updatedAt.toISOString(),
  };
}
