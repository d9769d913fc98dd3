/** Typed access to the signed-in user inside handlers mounted behind an access check. */
import type { Request } from 'express';
import type { ActingUser } from './acting-user.js';
import { UnauthorizedError } from '../http/errors.js';

export function actingUser(req: Request): ActingUser {
  if (!req.user) throw new UnauthorizedError();
  return req.user;
}

export function optionalActingUser(req: Request): ActingUser | null {
  return req.user ?? null;
}
