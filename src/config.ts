/**
 * The only reader of process.env. Everything the app can be configured with is parsed and
 * validated here once, at boot, into a frozen object; a bad value stops the boot with one message.
 */
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Express's `trust proxy` setting: false, true, a hop count, or a list of addresses/subnets. */
export type TrustProxy = boolean | number | string;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Without WEB_CONCURRENCY: one app process per core, at most this many (the engines need cores too). */
const MAX_DEFAULT_WEB_PROCESSES = 4;

/**
 * Beside the embedded search engine one core fewer: its single thread keeps a core busy under
 * search load, and two app processes sharing the other core of a 2-core machine cost about a
 * third more CPU per request than one (most likely more switching between busy processes), which
 * made the long-tail search p95 worse by a fifth to a third (README, benchmarks).
 */
function defaultWebProcesses(embeddedSearch: boolean): number {
  const cores = os.availableParallelism();
  return Math.max(1, Math.min(embeddedSearch ? cores - 1 : cores, MAX_DEFAULT_WEB_PROCESSES));
}

const intInRange = <F extends number | undefined>(name: string, min: number, max: number, fallback: F) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < min || value > max) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${name} must be an integer between ${min} and ${max} (got "${raw}")` });
        return z.NEVER;
      }
      return value;
    });

const optionalText = z
  .string()
  .optional()
  .transform((raw) => (raw === undefined || raw.trim() === '' ? undefined : raw.trim()));

function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

function isKnownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test'], {
      errorMap: () => ({ message: 'NODE_ENV must be development, production or test' }),
    }).default('development'),
    PORT: intInRange('PORT', 0, 65535, 3000),
    DATA_DIR: optionalText,
    MONGODB_URI: optionalText.refine((v) => v === undefined || /^mongodb(\+srv)?:\/\//.test(v), {
      message: 'MONGODB_URI must start with mongodb:// or mongodb+srv://',
    }),
    MEILI_HOST: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
      message: 'MEILI_HOST must be an http:// or https:// URL',
    }),
    MEILI_MASTER_KEY: optionalText,
    SESSION_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
      message: 'SESSION_SECRET must be at least 32 characters long',
    }),
    TRUST_PROXY: z.string().optional(),
    TZ: optionalText.refine((v) => v === undefined || isKnownTimeZone(v), { message: 'TZ must be an IANA time zone such as Asia/Jakarta' }),
    LOG_LEVEL: z.enum(LOG_LEVELS, {
      errorMap: () => ({ message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }),
    }).default('info'),
    LOGIN_MAX_FAILURES: intInRange('LOGIN_MAX_FAILURES', 1, 100, 5),
    LOGIN_LOCK_MINUTES: intInRange('LOGIN_LOCK_MINUTES', 1, 24 * 60, 15),
    LOGIN_IP_MAX_ATTEMPTS: intInRange('LOGIN_IP_MAX_ATTEMPTS', 1, 10_000, 30),
    ATTACHMENT_MAX_MB: intInRange('ATTACHMENT_MAX_MB', 1, 100, 10),
    ATTACHMENT_MAX_FILES: intInRange('ATTACHMENT_MAX_FILES', 1, 100, 20),
    WEB_CONCURRENCY: intInRange('WEB_CONCURRENCY', 1, 16, undefined),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.SESSION_SECRET === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['SESSION_SECRET'], message: 'SESSION_SECRET is required when NODE_ENV=production' });
    }
  });

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** Absolute path; embedded engines keep their data in <dataDir>/mongo and <dataDir>/search. */
  dataDir: string;
  /** undefined → start the embedded MongoDB engine. */
  mongodbUri: string | undefined;
  /** undefined → start the embedded search engine. */
  meiliHost: string | undefined;
  meiliMasterKey: string | undefined;
  /** undefined outside production until boot generates/loads one (see src/auth/session-secret.ts). */
  sessionSecret: string | undefined;
  trustProxy: TrustProxy;
  tz: string;
  logLevel: (typeof LOG_LEVELS)[number];
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Sign-in attempts allowed per IP address per lock window (in-memory counter per process). */
  loginIpMaxAttempts: number;
  /** Largest attachment, in bytes (ATTACHMENT_MAX_MB). */
  attachmentMaxBytes: number;
  /** Most attachments one visit, practice or lesson may have. */
  attachmentMaxFiles: number;
  /** App processes serving HTTP: more than one runs a cluster sharing the port (src/boot/cluster.ts). */
  webConcurrency: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issue.message);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR ?? './data'),
    mongodbUri: e.MONGODB_URI,
    meiliHost: e.MEILI_HOST,
    meiliMasterKey: e.MEILI_MASTER_KEY,
    sessionSecret: e.SESSION_SECRET,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    tz: e.TZ ?? 'Asia/Jakarta',
    logLevel: e.LOG_LEVEL,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    loginIpMaxAttempts: e.LOGIN_IP_MAX_ATTEMPTS,
    attachmentMaxBytes: e.ATTACHMENT_MAX_MB * 1024 * 1024,
    attachmentMaxFiles: e.ATTACHMENT_MAX_FILES,
    webConcurrency: e.WEB_CONCURRENCY ?? defaultWebProcesses(e.MEILI_HOST === undefined),
  });
}
