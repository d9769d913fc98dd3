/**
 * Server-side sessions in MongoDB (connect-mongo, on mongoose's own client, expired by a TTL
 * index), each read with its user in one round trip (session-store.ts). The cookie holds only the
 * session id: httpOnly, sameSite=lax, and secure whenever the request arrived over https
 * (req.secure honours TRUST_PROXY).
 */
import session from 'express-session';
import type { MongoClient } from 'mongodb';
import type { RequestHandler } from 'express';
import { UserModel } from '../modules/users/user.model.js';
import { SessionUserStore } from './session-store.js';

export const SESSION_COOKIE = 'studitiru.sid';
/** A working day without activity ends the session; activity extends it (rolling). */
export const SESSION_TTL_SECONDS = 8 * 60 * 60;

export function sessionMiddleware(client: MongoClient, secret: string): RequestHandler {
  const store = new SessionUserStore({ client, collectionName: 'sessions', usersCollection: UserModel.collection.collectionName, ttl: SESSION_TTL_SECONDS, touchAfter: 5 * 60 });
  return session({
    name: SESSION_COOKIE,
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: SESSION_TTL_SECONDS * 1000, path: '/' },
  });
}
