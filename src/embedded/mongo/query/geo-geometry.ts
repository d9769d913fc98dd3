/**
 * Geometry for geo queries: legacy coordinate pairs on a flat plane, GeoJSON on the sphere.
 * Containment in GeoJSON polygons uses the lon/lat plane (exact for small polygons); line
 * crossings and distances are spherical, as mongod's 2dsphere computes them.
 */
import { isNumeric, toNumber } from './numeric.js';
import { isPlainObject } from './types.js';

export type Pt = [number, number];

export interface Shape {
  points: Pt[];
  /** Line segments (of LineStrings and polygon rings). */
  segments: Array<[Pt, Pt]>;
  /** Polygons as rings (first ring = outer boundary, others = holes). */
  polygons: Pt[][][];
}

/** Earth radius in meters mongod uses for GeoJSON distances. */
export const EARTH_RADIUS_M = 6378100;

function num(v: unknown): number {
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return isNumeric(v) ? toNumber(v) : NaN;
}

/** A point from `[x, y]`, `{x, y}` (first two numeric fields) or a GeoJSON Point. */
export function parsePoint(v: unknown): Pt | undefined {
  if (Array.isArray(v)) {
    if (v.length < 2) return undefined;
    const p: Pt = [num(v[0]), num(v[1])];
    return Number.isFinite(p[0]) && Number.isFinite(p[1]) ? p : undefined;
  }
  if (!isPlainObject(v)) return undefined;
  if (v.type === 'Point') return parsePoint(v.coordinates);
  if (typeof v.type === 'string') return undefined;
  const values = Object.values(v);
  return values.length >= 2 ? parsePoint(values) : undefined;
}

export function isGeoJSON(v: unknown): boolean {
  return isPlainObject(v) && typeof v.type === 'string' && ('coordinates' in v || 'geometries' in v);
}

function ring(coords: unknown): Pt[] {
  return Array.isArray(coords) ? coords.map(parsePoint).filter((p): p is Pt => p !== undefined) : [];
}

function segmentsOf(line: Pt[]): Array<[Pt, Pt]> {
  const out: Array<[Pt, Pt]> = [];
  for (let i = 1; i < line.length; i++) out.push([line[i - 1], line[i]]);
  return out;
}

/** A shape from a legacy point or a GeoJSON geometry; undefined when the value is not geometry. */
export function parseShape(v: unknown): Shape | undefined {
  const shape: Shape = { points: [], segments: [], polygons: [] };
  const add = (g: unknown): boolean => {
    if (!isGeoJSON(g)) {
      const p = parsePoint(g);
      if (!p) return false;
      shape.points.push(p);
      return true;
    }
    const { type, coordinates, geometries } = g as { type: string; coordinates: unknown; geometries: unknown };
    const list = Array.isArray(coordinates) ? coordinates : [];
    switch (type) {
      case 'Point':
        return add(coordinates);
      case 'MultiPoint':
        shape.points.push(...ring(list));
        return true;
      case 'LineString':
        shape.points.push(...ring(list));
        shape.segments.push(...segmentsOf(ring(list)));
        return true;
      case 'MultiLineString':
        for (const l of list) add({ type: 'LineString', coordinates: l });
        return true;
      case 'Polygon': {
        const rings = list.map(ring);
        shape.polygons.push(rings);
        for (const r of rings) {
          shape.points.push(...r);
          shape.segments.push(...segmentsOf(r));
        }
        return true;
      }
      case 'MultiPolygon':
        for (const p of list) add({ type: 'Polygon', coordinates: p });
        return true;
      case 'GeometryCollection':
        return Array.isArray(geometries) && geometries.every(add);
      default:
        return false;
    }
  };
  return add(v) ? shape : undefined;
}

/** Even-odd point-in-ring test on the plane (boundary counts as inside). */
function inRing(p: Pt, r: Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i];
    const [xj, yj] = r[j];
    if (onFlatSegment(p, r[j], r[i])) return true;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function onFlatSegment(p: Pt, a: Pt, b: Pt): boolean {
  const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
  if (Math.abs(cross) > 1e-12) return false;
  return p[0] >= Math.min(a[0], b[0]) && p[0] <= Math.max(a[0], b[0]) && p[1] >= Math.min(a[1], b[1]) && p[1] <= Math.max(a[1], b[1]);
}

export function inPolygon(p: Pt, rings: Pt[][]): boolean {
  if (rings.length === 0 || !inRing(p, rings[0])) return false;
  return !rings.slice(1).some((hole) => inRing(p, hole) && !hole.some((_, i) => i > 0 && onFlatSegment(p, hole[i - 1], hole[i])));
}

type Vec = [number, number, number];

function toVec([lon, lat]: Pt): Vec {
  const l = (lon * Math.PI) / 180;
  const f = (lat * Math.PI) / 180;
  return [Math.cos(f) * Math.cos(l), Math.cos(f) * Math.sin(l), Math.sin(f)];
}

const cross = (a: Vec, b: Vec): Vec => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const dot = (a: Vec, b: Vec) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** Whether unit vector `p` lies on the minor great-circle arc a–b whose normal is `n`. */
function onArc(p: Vec, a: Vec, b: Vec, n: Vec): boolean {
  return dot(cross(a, p), n) >= -1e-12 && dot(cross(p, b), n) >= -1e-12;
}

/** Great-circle arc intersection. */
export function arcsIntersect(a1: Pt, a2: Pt, b1: Pt, b2: Pt): boolean {
  const [va1, va2, vb1, vb2] = [toVec(a1), toVec(a2), toVec(b1), toVec(b2)];
  const n1 = cross(va1, va2);
  const n2 = cross(vb1, vb2);
  const l = cross(n1, n2);
  const len = Math.hypot(...l);
  if (len < 1e-15) {
    // Same great circle: they meet if an endpoint of one lies on the other.
    return [vb1, vb2].some((p) => onArc(p, va1, va2, n1)) || [va1, va2].some((p) => onArc(p, vb1, vb2, n2));
  }
  for (const s of [1, -1]) {
    const p: Vec = [(s * l[0]) / len, (s * l[1]) / len, (s * l[2]) / len];
    if (onArc(p, va1, va2, n1) && onArc(p, vb1, vb2, n2)) return true;
  }
  return false;
}

/** Whether two shapes share at least one point. */
export function shapesIntersect(a: Shape, b: Shape): boolean {
  const samePoint = (p: Pt, q: Pt) => Math.abs(p[0] - q[0]) < 1e-12 && Math.abs(p[1] - q[1]) < 1e-12;
  for (const p of a.points) {
    if (b.points.some((q) => samePoint(p, q))) return true;
    if (b.polygons.some((poly) => inPolygon(p, poly))) return true;
  }
  for (const p of b.points) if (a.polygons.some((poly) => inPolygon(p, poly))) return true;
  for (const [s1, s2] of a.segments) for (const [t1, t2] of b.segments) if (arcsIntersect(s1, s2, t1, t2)) return true;
  for (const p of a.points) for (const [t1, t2] of b.segments) if (pointOnArc(p, t1, t2)) return true;
  for (const p of b.points) for (const [s1, s2] of a.segments) if (pointOnArc(p, s1, s2)) return true;
  return false;
}

function pointOnArc(p: Pt, a: Pt, b: Pt): boolean {
  const [vp, va, vb] = [toVec(p), toVec(a), toVec(b)];
  const n = cross(va, vb);
  const len = Math.hypot(...n);
  if (len < 1e-15) return sphereDistance(p, a) < 1e-12;
  return Math.abs(dot(vp, n)) / len < 1e-12 && onArc(vp, va, vb, n);
}

/** Great-circle distance in radians between lon/lat points. */
export function sphereDistance(a: Pt, b: Pt): number {
  const f1 = (a[1] * Math.PI) / 180;
  const f2 = (b[1] * Math.PI) / 180;
  const df = f2 - f1;
  const dl = ((b[0] - a[0]) * Math.PI) / 180;
  const h = Math.sin(df / 2) ** 2 + Math.cos(f1) * Math.cos(f2) * Math.sin(dl / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function flatDistance(a: Pt, b: Pt): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}
