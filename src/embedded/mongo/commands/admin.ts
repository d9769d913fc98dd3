/** Handshake and server information commands. */
import os from 'node:os';
import { Long } from 'bson';
import { commandError } from '../errors.js';
import { MAX_BSON_BYTES, MAX_MESSAGE_BYTES } from '../wire/protocol.js';
import type { CommandFn, CommandInput, Doc } from './context.js';

export const SERVER_VERSION = '7.0.0';
const MAX_WIRE_VERSION = 21;

function hello(input: CommandInput, legacy: boolean): Doc {
  const reply: Doc = {
    [legacy ? 'ismaster' : 'isWritablePrimary']: true,
    maxBsonObjectSize: MAX_BSON_BYTES,
    maxMessageSizeBytes: MAX_MESSAGE_BYTES,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: input.connection.id,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
  };
  if (input.body.helloOk !== undefined) reply.helloOk = true;
  reply.ok = 1;
  return reply;
}

function serverStatus({ ctx }: CommandInput): Doc {
  const { metrics } = ctx;
  const mem = process.memoryUsage();
  const uptimeMs = Date.now() - ctx.startedAt.getTime();
  const conns = ctx.connections();
  return {
    host: os.hostname(),
    version: SERVER_VERSION,
    process: 'mongod',
    pid: Long.fromNumber(process.pid),
    uptime: Math.floor(uptimeMs / 1000),
    uptimeMillis: Long.fromNumber(uptimeMs),
    uptimeEstimate: Long.fromNumber(Math.floor(uptimeMs / 1000)),
    localTime: new Date(),
    connections: { current: conns.current, available: 1_000_000 - conns.current, totalCreated: conns.totalCreated, active: conns.current },
    opcounters: { ...metrics.opcounters },
    mem: {
      bits: 64,
      resident: Math.round(mem.rss / 1048576),
      virtual: Math.round(mem.rss / 1048576),
      supported: true,
      heapUsedMB: Math.round(mem.heapUsed / 1048576),
      heapTotalMB: Math.round(mem.heapTotal / 1048576),
      externalMB: Math.round(mem.external / 1048576),
    },
    metrics: {
      document: { ...metrics.document },
      queryExecutor: { collectionScans: { total: Long.fromNumber(metrics.collectionScans), nonTailable: Long.fromNumber(metrics.collectionScans) } },
      cursor: { open: { total: ctx.cursors.openCount } },
    },
    storageEngine: { name: 'embedded-journal', supportsCommittedReads: false, persistent: true, readOnly: false },
    ok: 1,
  };
}

function hostInfo(): Doc {
  return {
    system: {
      currentTime: new Date(),
      hostname: os.hostname(),
      cpuAddrSize: 64,
      memSizeMB: Math.round(os.totalmem() / 1048576),
      numCores: os.cpus().length,
      cpuArch: os.arch(),
      numaEnabled: false,
    },
    os: { type: os.type(), name: os.type(), version: os.release() },
    extra: {},
    ok: 1,
  };
}

const PARAMETERS: Record<string, unknown> = {
  featureCompatibilityVersion: { version: '7.0' },
  authenticationMechanisms: ['SCRAM-SHA-1', 'SCRAM-SHA-256'],
  maxBSONDepth: 100,
  internalQueryMaxBlockingSortMemoryUsageBytes: 100 * 1024 * 1024,
  transactionLifetimeLimitSeconds: 60,
};

function getParameter({ body }: CommandInput): Doc {
  const wanted = body.getParameter === '*' ? Object.keys(PARAMETERS) : Object.keys(body).filter((k) => k in PARAMETERS);
  if (wanted.length === 0) throw commandError('InvalidOptions', 'no option found to get');
  return { ...Object.fromEntries(wanted.map((k) => [k, PARAMETERS[k]])), ok: 1 };
}

function buildInfo(): Doc {
  return {
    version: SERVER_VERSION,
    gitVersion: 'embedded',
    versionArray: [7, 0, 0, 0],
    bits: 64,
    debug: false,
    maxBsonObjectSize: MAX_BSON_BYTES,
    storageEngines: ['embedded-journal'],
    javascriptEngine: 'none',
    modules: [],
    allocator: 'system',
    openssl: { running: 'disabled' },
    buildEnvironment: { target_os: os.platform(), target_arch: os.arch() },
    ok: 1,
  };
}

function listDatabases({ body, ctx }: CommandInput): Doc {
  const databases = [...ctx.catalog.databases.keys()].sort().map((name) => {
    let size = 0;
    for (const coll of ctx.catalog.collections(name)) size += coll.dataBytes;
    return { name, sizeOnDisk: size, empty: size === 0 };
  });
  if (body.nameOnly) return { databases: databases.map((d) => ({ name: d.name })), ok: 1 };
  return { databases, totalSize: databases.reduce((s, d) => s + d.sizeOnDisk, 0), totalSizeMb: 0, ok: 1 };
}

function dbStats({ db, ctx }: CommandInput): Doc {
  const colls = ctx.catalog.collections(db);
  const objects = colls.reduce((s, c) => s + c.size, 0);
  const dataSize = colls.reduce((s, c) => s + c.dataBytes, 0);
  const indexes = colls.reduce((s, c) => s + 1 + c.indexes.size, 0);
  return {
    db,
    collections: colls.length,
    views: 0,
    objects,
    avgObjSize: objects ? dataSize / objects : 0,
    dataSize,
    storageSize: dataSize,
    indexes,
    indexSize: 0,
    totalSize: dataSize,
    scaleFactor: 1,
    ok: 1,
  };
}

const ok = (): Doc => ({ ok: 1 });

export const adminCommands: Record<string, CommandFn> = {
  hello: (input) => hello(input, false),
  isMaster: (input) => hello(input, true),
  ismaster: (input) => hello(input, true),
  ping: ok,
  buildInfo,
  buildinfo: buildInfo,
  serverStatus,
  hostInfo,
  getParameter,
  listDatabases,
  dbStats,
  endSessions: ok,
  killSessions: ok,
  killAllSessions: ok,
  refreshSessions: ok,
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
  whatsmyuri: ({ connection }) => ({ you: connection.remote, ok: 1 }),
  getCmdLineOpts: () => ({ argv: ['embedded-mongo'], parsed: {}, ok: 1 }),
  getLog: () => ({ totalLinesWritten: 0, log: [], ok: 1 }),
};
