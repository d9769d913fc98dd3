/**
 * Passport wiring on its singleton: the local strategy (email + password, checked with the lock
 * policy of the app that received the request) and session (de)serialisation of the user id only.
 * A user who is deleted or deactivated loses an existing session on the next request.
 */
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { ActingUser } from './acting-user.js';
import { attemptSignIn, type SignInResult } from './sign-in.service.js';
import { appContext } from '../http/app-context.js';
import { activeActingUser, findActingUserById } from '../modules/users/user.lookup.js';
import { userJoinedToSession } from './session-store.js';
import type { IncomingMessage } from 'node:http';

/** What a failed attempt tells the route (passport's `info`). */
export interface SignInFailure {
  message: Exclude<SignInResult['outcome'], 'ok'>;
  lockedUntil?: Date;
}

let configured = false;

export function configurePassport(): typeof passport {
  if (configured) return passport;
  configured = true;

  passport.use(
    new LocalStrategy({ usernameField: 'email', passwordField: 'password', passReqToCallback: true }, (req, email, password, done) => {
      const { loginMaxFailures, loginLockMinutes } = appContext(req).config;
      attemptSignIn(email, password, { maxFailures: loginMaxFailures, lockMinutes: loginLockMinutes }).then(
        (result) => {
          if (result.outcome === 'ok') return done(null, result.user);
          const info: SignInFailure = { message: result.outcome, ...(result.outcome === 'locked' ? { lockedUntil: result.until } : {}) };
          done(null, false, info);
        },
        (err: unknown) => done(err),
      );
    }),
  );

  passport.serializeUser((user, done) => done(null, (user as ActingUser).id));
  passport.deserializeUser((req: IncomingMessage, id: string, done: (err: unknown, user?: ActingUser | false) => void) => {
    // Read with the session in the same round trip (session-store.ts), else looked up now.
    const joined = userJoinedToSession(req, id);
    const user = joined === undefined ? findActingUserById(id) : Promise.resolve(activeActingUser(joined));
    user.then((found) => done(null, found ?? false), done);
  });

  return passport;
}
