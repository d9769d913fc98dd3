/**
 * Runs one command: transaction and unknown-command refusals, the handler, then the journal
 * commit BEFORE the reply leaves (and an fdatasync first when the write concern asks j:true).
 * Every failure becomes mongod's `{ok: 0, errmsg, code, codeName}`.
 */
import { commandError, MongoCommandError } from '../errors.js';
import { DuplicateKeyError } from '../catalog/duplicate-key.js';
import type { CommandHandler } from '../wire/server.js';
import { adminCommands } from './admin.js';
import { aggregate } from './aggregate.js';
import { collectionCommands } from './collections.js';
import { bool, optionalDoc, type CommandFn, type Doc, type ServerContext } from './context.js';
import { explain, explainReply } from './explain.js';
import { findAndModify } from './find-and-modify.js';
import { indexCommands } from './indexes.js';
import { readCommands } from './read.js';
import { writeCommands } from './write.js';

const COMMANDS: Record<string, CommandFn> = {
  ...adminCommands,
  ...collectionCommands,
  ...indexCommands,
  ...readCommands,
  ...writeCommands,
  findAndModify,
  findandmodify: findAndModify,
  aggregate: (input) =>
    input.body.explain ? explainReply(input.ctx, input.db, input.body, 'queryPlanner') : aggregate(input),
  explain,
};

const TRANSACTION_COMMANDS = new Set(['startTransaction', 'commitTransaction', 'abortTransaction']);
/** Counted under their own opcounters (as mongod does), not under `command`. */
const CRUD_COMMANDS = new Set(['insert', 'update', 'delete', 'find', 'getMore']);

function errorReply(err: unknown): Doc {
  if (err instanceof MongoCommandError) {
    return { ok: 0, errmsg: err.message, code: err.code, codeName: err.codeName, ...(err instanceof DuplicateKeyError && err.details()) };
  }
  process.stderr.write(`[embedded-mongo] internal error: ${(err as Error)?.stack ?? String(err)}\n`);
  return { ok: 0, errmsg: (err as Error)?.message ?? String(err), code: 1, codeName: 'InternalError' };
}

export function createDispatcher(ctx: ServerContext): CommandHandler {
  return async (request, connection) => {
    const { body } = request;
    const name = Object.keys(body)[0] ?? '';
    try {
      if (body.txnNumber !== undefined || TRANSACTION_COMMANDS.has(name)) {
        throw commandError('IllegalOperation', 'Transaction numbers are only allowed on a replica set member or mongos');
      }
      const handler = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
      if (!handler) throw new MongoCommandError(59, 'CommandNotFound', `no such command: '${name}'`);
      if (!CRUD_COMMANDS.has(name)) ctx.metrics.opcounters.command++;
      ctx.catalog.bypassValidation = bool(body.bypassDocumentValidation);
      const reply = await handler({ db: request.db, body, connection, ctx });
      ctx.catalog.bypassValidation = false;
      ctx.storage.journal.commit();
      if (bool(optionalDoc(body.writeConcern, 'writeConcern')?.j)) await ctx.storage.journal.sync();
      ctx.storage.maybeCompact();
      return reply;
    } catch (err) {
      ctx.catalog.bypassValidation = false;
      // Statements that succeeded before the error are acknowledged too: commit them first.
      ctx.storage.journal.commit();
      return errorReply(err);
    }
  };
}
