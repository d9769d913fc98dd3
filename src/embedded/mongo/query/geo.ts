/** Geo query operators: `$geoWithin`/`$within`, `$geoIntersects`, `$near`, `$nearSphere`. */
import { commandError } from '../errors.js';
import {
  EARTH_RADIUS_M, flatDistance, inPolygon, isGeoJSON, parsePoint, parseShape, shapesIntersect, sphereDistance, type Pt,
} from './geo-geometry.js';
import { isNumeric, toNumber } from './numeric.js';
import { getPath } from './paths.js';
import { isPlainObject, type Document } from './types.js';

type ValuePred = (v: unknown) => boolean;

/** Every point of the candidate's shape satisfies `inside`. */
function allPoints(inside: (p: Pt) => boolean): ValuePred {
  return (v) => {
    const s = parseShape(v);
    return !!s && s.points.length > 0 && s.points.every(inside);
  };
}

function pointArg(v: unknown, what: string): Pt {
  const p = parsePoint(v);
  if (!p) throw commandError('BadValue', `${what}: malformed point ${JSON.stringify(v)}`);
  return p;
}

function withinTest(arg: unknown): ValuePred {
  if (!isPlainObject(arg)) throw commandError('BadValue', '$geoWithin requires an object');
  if ('$box' in arg) {
    const box = arg.$box as unknown[];
    const [a, b] = [pointArg(box?.[0], '$box'), pointArg(box?.[1], '$box')];
    const [x1, x2] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
    const [y1, y2] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
    return allPoints((p) => p[0] >= x1 && p[0] <= x2 && p[1] >= y1 && p[1] <= y2);
  }
  if ('$center' in arg || '$centerSphere' in arg) {
    const sphere = '$centerSphere' in arg;
    const spec = (sphere ? arg.$centerSphere : arg.$center) as unknown[];
    const c = pointArg(spec?.[0], sphere ? '$centerSphere' : '$center');
    const r = isNumeric(spec?.[1]) ? toNumber(spec[1]) : Number(spec?.[1]);
    if (!Number.isFinite(r) || r < 0) throw commandError('BadValue', 'radius must be a non-negative number');
    return allPoints((p) => (sphere ? sphereDistance(c, p) : flatDistance(c, p)) <= r);
  }
  if ('$polygon' in arg) {
    const pts = (arg.$polygon as unknown[]).map((v) => pointArg(v, '$polygon'));
    if (pts.length < 3) throw commandError('BadValue', 'Polygon must have at least 3 points');
    return allPoints((p) => inPolygon(p, [[...pts, pts[0]]]));
  }
  if ('$geometry' in arg) {
    const g = parseShape(arg.$geometry);
    if (!g || g.polygons.length === 0) throw commandError('BadValue', '$geoWithin $geometry must be a Polygon or MultiPolygon');
    return allPoints((p) => g.polygons.some((poly) => inPolygon(p, poly)));
  }
  throw commandError('BadValue', `unknown geo specifier: ${Object.keys(arg)[0]}`);
}

function intersectsTest(arg: unknown): ValuePred {
  if (!isPlainObject(arg) || !('$geometry' in arg)) throw commandError('BadValue', '$geoIntersects requires a $geometry argument');
  const g = parseShape(arg.$geometry);
  if (!g) throw commandError('BadValue', `$geoIntersects: malformed geometry ${JSON.stringify(arg.$geometry)}`);
  return (v) => {
    const s = parseShape(v);
    return !!s && shapesIntersect(s, g);
  };
}

export interface NearSpec {
  center: Pt;
  /** Distance from the center to a candidate value (NaN when it holds no point). */
  distance: (v: unknown) => number;
  min: number;
  max: number;
}

function numberOrUndefined(v: unknown, what: string): number | undefined {
  if (v === undefined) return undefined;
  if (!isNumeric(v) || toNumber(v) < 0) throw commandError('BadValue', `${what} must be a non-negative number`);
  return toNumber(v);
}

/** Parses `$near`/`$nearSphere` with their distance limits (inside the operand or beside it). */
export function parseNear(op: string, cond: Document): NearSpec {
  const arg = cond[op];
  let center: Pt | undefined;
  let meters = false;
  let max = numberOrUndefined(cond.$maxDistance, '$maxDistance');
  let min = numberOrUndefined(cond.$minDistance, '$minDistance');
  if (isPlainObject(arg) && '$geometry' in arg) {
    center = parsePoint(arg.$geometry);
    meters = true;
    max = numberOrUndefined(arg.$maxDistance, '$maxDistance') ?? max;
    min = numberOrUndefined(arg.$minDistance, '$minDistance') ?? min;
  } else if (isGeoJSON(arg)) {
    center = parsePoint(arg);
    meters = true;
  } else center = parsePoint(arg);
  if (!center) throw commandError('BadValue', `${op} requires a point: ${JSON.stringify(arg)}`);
  const c = center;
  const sphere = op === '$nearSphere' || meters;
  const scale = meters ? EARTH_RADIUS_M : 1;
  const distance = (v: unknown) => {
    const s = parseShape(v);
    if (!s || s.points.length === 0) return NaN;
    return Math.min(...s.points.map((p) => (sphere ? sphereDistance(c, p) * scale : flatDistance(c, p))));
  };
  return { center: c, distance, min: min ?? 0, max: max ?? Infinity };
}

/** A geo operator as a test over the candidate values at its path; undefined for the distance modifiers. */
export function compileGeoOperator(op: string, arg: unknown, cond: Document): ((cands: unknown[]) => boolean) | undefined {
  let test: ValuePred;
  switch (op) {
    case '$geoWithin':
    case '$within':
      test = withinTest(arg);
      break;
    case '$geoIntersects':
      test = intersectsTest(arg);
      break;
    case '$near':
    case '$nearSphere': {
      const near = parseNear(op, cond);
      test = (v) => {
        const d = near.distance(v);
        return d >= near.min && d <= near.max;
      };
      break;
    }
    case '$maxDistance':
    case '$minDistance':
      if (!('$near' in cond) && !('$nearSphere' in cond)) throw commandError('BadValue', `${op} must be used with $near or $nearSphere`);
      return undefined;
    default:
      return undefined;
  }
  return (cands) => cands.some((c) => test(c) || (Array.isArray(c) && !parsePoint(c) && c.some(test)));
}

/** When the filter's top-level AND has a `$near`/`$nearSphere`, the distance of a document (results sort by it). */
export function nearDistance(filter: Document | null | undefined): ((doc: unknown) => number) | undefined {
  if (!isPlainObject(filter)) return undefined;
  for (const [path, cond] of Object.entries(filter)) {
    if (path === '$and' && Array.isArray(cond)) {
      for (const f of cond) {
        const d = nearDistance(f as Document);
        if (d) return d;
      }
    }
    if (path.startsWith('$') || !isPlainObject(cond)) continue;
    const op = '$near' in cond ? '$near' : '$nearSphere' in cond ? '$nearSphere' : undefined;
    if (!op) continue;
    const near = parseNear(op, cond);
    return (doc) => {
      const ds = getPath(doc, path).flatMap((c) => [near.distance(c), ...(Array.isArray(c) && !parsePoint(c) ? c.map(near.distance) : [])]);
      const valid = ds.filter((d) => !Number.isNaN(d));
      return valid.length ? Math.min(...valid) : Infinity;
    };
  }
  return undefined;
}
