/**
 * The session store: connect-mongo's, except that a session is read together with its user in one
 * aggregate ($lookup on the users' _id), so a signed-in request makes one MongoDB round trip
 * before its handler instead of two (session, then user). The user read that way is handed to
 * passport's deserializer for that request only (userJoinedToSession); it is never written back
 * into the session, and nothing is kept between requests.
 */
import MongoStore from 'connect-mongo';
import type { SessionData, Session } from 'express-session';
import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';
import type { Collection, Document, MongoClient } from 'mongodb';
import { ACTING_USER_PROJECTION, type ActingUserFields } from '../modules/users/user.lookup.js';

/** The join's result field on the session as read; taken off before the session is built. */
const JOINED = Symbol('joined user');

type Joined = SessionData & { [JOINED]?: ActingUserFields | null };

const joinedUsers = new WeakMap<IncomingMessage, ActingUserFields | null>();

/**
 * The user read with this request's session: the account (null when it is gone), or undefined
 * when the session was not read with its user (then the deserializer looks the user up itself).
 */
export function userJoinedToSession(req: IncomingMessage, id: string): ActingUserFields | null | undefined {
  if (!joinedUsers.has(req)) return undefined;
  const user = joinedUsers.get(req) ?? null;
  // Only for the user this session names (a session re-created meanwhile could name another).
  return user === null || user._id.toHexString() === id ? user : undefined;
}

export interface SessionStoreOptions {
  client: MongoClient;
  collectionName: string;
  usersCollection: string;
  ttl: number;
  touchAfter: number;
}

export class SessionUserStore extends MongoStore {
  private readonly sessions: Collection<Document>;

  constructor(private readonly settings: SessionStoreOptions) {
    // stringify: false keeps the session a document, so the aggregate can read the user's id in it.
    super({ client: settings.client, collectionName: settings.collectionName, ttl: settings.ttl, autoRemove: 'native', touchAfter: settings.touchAfter, stringify: false });
    this.sessions = settings.client.db().collection(settings.collectionName);
  }

  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    this.readWithUser(sid).then((session) => callback(null, session), callback);
  }

  override createSession(req: Request, session: SessionData): Session & SessionData {
    const joined = session as Joined;
    if (JOINED in joined) {
      joinedUsers.set(req, joined[JOINED] ?? null);
      delete joined[JOINED];
    }
    return super.createSession(req, session);
  }

  private async readWithUser(sid: string): Promise<SessionData | null> {
    const [doc] = await this.sessions
      .aggregate([
        { $match: { _id: sid, $or: [{ expires: { $exists: false } }, { expires: { $gt: new Date() } }] } },
        // passport keeps the user's id as a string: as an ObjectId it meets the users' _id index.
        { $set: { userId: { $convert: { input: '$session.passport.user', to: 'objectId', onError: null, onNull: null } } } },
        { $lookup: { from: this.settings.usersCollection, localField: 'userId', foreignField: '_id', pipeline: [{ $project: ACTING_USER_PROJECTION }], as: 'user' } },
      ])
      .toArray();
    if (!doc) return null;
    const session = doc.session as Joined;
    // As connect-mongo's own get: the last write's time decides whether touch writes (touchAfter).
    if (this.settings.touchAfter > 0 && doc.lastModified) (session as Joined & { lastModified?: Date }).lastModified = doc.lastModified as Date;
    if (doc.userId) session[JOINED] = ((doc.user as ActingUserFields[])[0] ?? null);
    return session;
  }
}
