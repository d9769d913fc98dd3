/**
 * Tenant tokens: JWTs (HS256/384/512) signed with an API key's secret, carrying `apiKeyUid`,
 * `searchRules` and an optional `exp`. They only authorize search routes, only on the indexes their
 * rules name, and each rule's filter is added to every search on that index.
 */
import crypto from 'node:crypto';
import { MeiliError } from '../errors.js';
import { indexAllowed } from './actions.js';
import type { KeyStore } from './key-store.js';

const ALGORITHMS: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

export interface TenantGrant {
  canAccessIndex(indexUid: string): boolean;
  /** The filter the token imposes on one index, or undefined for none. */
  filterFor(indexUid: string): unknown;
}

function invalid(message = 'The provided API key is invalid.'): MeiliError {
  return new MeiliError('invalid_api_key', message, 403, 'auth');
}

function decodeJson(part: string): Record<string, unknown> {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through: not a token
  }
  throw invalid();
}

/** Rules as an index → filter map: an array lists indexes without filters. */
function ruleMap(rules: unknown): Map<string, unknown> {
  if (rules === '*') return new Map([['*', undefined]]);
  if (Array.isArray(rules) && rules.every((r) => typeof r === 'string')) return new Map(rules.map((r: string) => [r, undefined]));
  if (rules !== null && typeof rules === 'object' && !Array.isArray(rules)) {
    const out = new Map<string, unknown>();
    for (const [pattern, rule] of Object.entries(rules)) {
      const filter = rule !== null && typeof rule === 'object' ? (rule as { filter?: unknown }).filter : undefined;
      out.set(pattern, filter ?? undefined);
    }
    return out;
  }
  throw invalid();
}

/** Looks like a JWT (three base64url parts); anything else is treated as a plain API key. */
export function isJwt(secret: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(secret);
}

export function verifyTenantToken(token: string, keys: KeyStore): TenantGrant {
  const [headerPart, payloadPart, signature] = token.split('.');
  const header = decodeJson(headerPart);
  const payload = decodeJson(payloadPart);
  const hash = ALGORITHMS[String(header.alg)];
  if (!hash || typeof payload.apiKeyUid !== 'string') throw invalid();
  const parent = keys.find(payload.apiKeyUid);
  if (!parent || parent.uid !== payload.apiKeyUid || !keys.authenticate(parent.key) || !keys.allows(parent, 'search')) throw invalid();
  const expected = crypto.createHmac(hash, parent.key).update(`${headerPart}.${payloadPart}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw invalid();
  if (payload.exp !== undefined && payload.exp !== null) {
    const now = Math.floor(Date.now() / 1000);
    if (typeof payload.exp !== 'number' || payload.exp < now) {
      throw invalid(`Tenant token expired. Was valid up to \`${String(payload.exp)}\` and we're now \`${now}\`.`);
    }
  }
  const rules = ruleMap(payload.searchRules);
  return {
    // The parent key's own index restriction still applies.
    canAccessIndex: (indexUid) => indexAllowed([...rules.keys()], indexUid) && indexAllowed(parent.indexes, indexUid),
    filterFor(indexUid: string): unknown {
      if (rules.has(indexUid)) return rules.get(indexUid);
      const pattern = [...rules.keys()].find((p) => indexAllowed([p], indexUid));
      return pattern === undefined ? undefined : rules.get(pattern);
    },
  };
}

/** ANDs the token's filter with the request's (string or array form). */
export function combineFilters(imposed: unknown, requested: unknown): unknown {
  if (imposed === undefined || imposed === null) return requested;
  const asList = (f: unknown): unknown[] => (f === undefined || f === null ? [] : Array.isArray(f) ? f : [f]);
  return [...asList(imposed), ...asList(requested)];
}
