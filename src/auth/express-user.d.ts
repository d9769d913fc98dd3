// Passport puts the acting user on req.user; every handler sees the same plain shape.
import type { ActingUser } from './acting-user.js';

declare global {
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends ActingUser {}
  }
}

export {};
