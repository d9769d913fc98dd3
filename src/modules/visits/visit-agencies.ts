/**
 * The agency facts visits need, read in one query: names to show and snapshot, provinces for the
 * province filter. Read-only use of the agency model (no agency policy involved: names are public
 * to every signed-in user).
 */
import mongoose from 'mongoose';
import { AgencyModel } from '../agencies/agency.model.js';

export interface VisitAgency {
  id: string;
  name: string;
  shortName: string;
  provinceCode: string | null;
  regionLabel: string;
}

export async function loadVisitAgencies(ids: readonly string[]): Promise<Map<string, VisitAgency>> {
  const unique = [...new Set(ids)].filter((id) => mongoose.isValidObjectId(id));
  if (unique.length === 0) return new Map();
  const docs = await AgencyModel.find({ _id: { $in: unique } }, { name: 1, shortName: 1, provinceCode: 1, provinceName: 1, regencyName: 1 }).lean();
  return new Map(
    docs.map((d) => [
      d._id.toString(),
      {
        id: d._id.toString(),
        name: d.name,
        shortName: d.shortName,
        provinceCode: d.provinceCode ?? null,
        regionLabel: [d.regencyName, d.provinceName].filter(Boolean).join(', '),
      },
    ]),
  );
}
