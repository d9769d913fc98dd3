/** The `$geoNear` stage: documents ordered by distance from a point, with the distance added. */
import { Double } from 'bson';
import { MongoCommandError, commandError } from '../../errors.js';
import { isGeoJSON, parsePoint, parseShape } from '../geo-geometry.js';
import { parseNear } from '../geo.js';
import { compileFilter } from '../match.js';
import { toNumber } from '../numeric.js';
import { getPath, setPath } from '../paths.js';
import { isPlainObject, type Collation, type Document } from '../types.js';

/** The first top-level field holding a point or GeoJSON geometry (mongod would use the only geo index). */
function guessGeoField(docs: Document[]): string | undefined {
  for (const doc of docs) {
    for (const [k, v] of Object.entries(doc)) {
      if (k !== '_id' && (isGeoJSON(v) || (Array.isArray(v) && parsePoint(v)))) return k;
      if (isPlainObject(v)) {
        for (const [k2, v2] of Object.entries(v)) if (isGeoJSON(v2) || (Array.isArray(v2) && parsePoint(v2))) return `${k}.${k2}`;
      }
    }
  }
  return undefined;
}

export function geoNearStage(input: Document[], spec: unknown, isFirst: boolean, collation?: Collation): Document[] {
  if (!isFirst) throw new MongoCommandError(40602, 'Location40602', '$geoNear is only valid as the first stage in a pipeline');
  if (!isPlainObject(spec)) throw commandError('FailedToParse', '$geoNear requires an object');
  if (typeof spec.distanceField !== 'string') throw commandError('FailedToParse', '$geoNear requires a \'distanceField\' option as a String');
  if (spec.near === undefined) throw commandError('FailedToParse', "$geoNear requires a 'near' option as an Array");
  const geoJSON = isGeoJSON(spec.near);
  const limits = { $maxDistance: spec.maxDistance, $minDistance: spec.minDistance };
  const cond: Document = geoJSON
    ? { $near: { $geometry: spec.near, ...limits } }
    : { [spec.spherical ? '$nearSphere' : '$near']: spec.near, ...limits };
  for (const k of ['$maxDistance', '$minDistance']) if (cond[k] === undefined) delete cond[k];
  const near = parseNear(geoJSON || !spec.spherical ? '$near' : '$nearSphere', cond);
  const docs = isPlainObject(spec.query) ? input.filter(compileFilter(spec.query, { collation })) : input;
  const key = typeof spec.key === 'string' ? spec.key : guessGeoField(docs);
  if (!key) return [];
  const multiplier = spec.distanceMultiplier === undefined ? 1 : toNumber(spec.distanceMultiplier);
  const scored: Array<{ doc: Document; d: number; loc: unknown }> = [];
  for (const doc of docs) {
    let best = { d: Infinity, loc: undefined as unknown };
    for (const c of getPath(doc, key)) {
      for (const v of Array.isArray(c) && !parsePoint(c) ? c : [c]) {
        const d = parseShape(v) ? near.distance(v) : NaN;
        if (d < best.d) best = { d, loc: v };
      }
    }
    if (best.d >= near.min && best.d <= near.max) scored.push({ doc, ...best });
  }
  scored.sort((a, b) => a.d - b.d);
  return scored.map(({ doc, d, loc }) => {
    const out = { ...doc };
    setPath(out, spec.distanceField as string, new Double(d * multiplier));
    if (typeof spec.includeLocs === 'string') setPath(out, spec.includeLocs, loc);
    return out;
  });
}
