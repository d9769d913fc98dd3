/** Reads a personal API token from `Authorization: Bearer <token>`; undefined when absent. */
import type { Request } from 'express';

export function bearerTokenOf(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}
