/** A small path router: `/indexes/:uid/documents/:id` style patterns, each route naming the key action it needs. */
import type { IncomingMessage } from 'node:http';

export interface Reply {
  status: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is instead of `body`, with this content type (e.g. NDJSON). */
  text?: { contentType: string; data: string };
}

export interface RequestContext {
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  raw: Buffer;
  /** False when the caller's key does not cover this index (lists use it to hide indexes). */
  canAccessIndex: (uid: string) => boolean;
  /** The filter a tenant token imposes on searches of this index, if any. */
  tenantFilter: (uid: string) => unknown;
}

export interface Route {
  method: string;
  pattern: string;
  /** The API key action required, or null for a public route. */
  action: string | null;
  handler: (ctx: RequestContext) => Reply | Promise<Reply>;
}

interface CompiledRoute extends Route {
  segments: string[];
}

export type Match = { route: Route; params: Record<string, string> } | { route: null; methodMismatch: boolean };

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(routes: Route[]): void {
    for (const route of routes) this.routes.push({ ...route, segments: route.pattern.split('/').filter(Boolean) });
  }

  match(method: string, pathname: string): Match {
    const parts = pathname.split('/').filter(Boolean);
    let methodMismatch = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method) return { route, params };
      methodMismatch = true;
    }
    return { route: null, methodMismatch };
  }
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | null {
  if (segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    let part: string;
    try {
      part = decodeURIComponent(parts[i]);
    } catch {
      return null;
    }
    if (seg.startsWith(':')) params[seg.slice(1)] = part;
    else if (seg !== part) return null;
  }
  return params;
}
