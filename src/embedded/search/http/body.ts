/** Request bodies: size limit, content types and parsing (JSON, NDJSON, CSV) with Meilisearch's errors. */
import type { IncomingMessage } from 'node:http';
import { MeiliError } from '../errors.js';
import { parseCsv } from './csv.js';

export const DEFAULT_PAYLOAD_LIMIT = 100 * 1024 * 1024;

function tooLarge(limit: number): MeiliError {
  const size = limit >= 1024 * 1024 ? `${Math.round(limit / (1024 * 1024))} MiB` : `${limit} B`;
  return new MeiliError('payload_too_large', `The provided payload reached the size limit. The maximum accepted payload size is ${size}.`, 413);
}

/** Reads the whole body, refusing it as soon as it passes `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
    });
  });
}

function mediaType(req: IncomingMessage): string | null {
  const header = req.headers['content-type'];
  return header ? header.split(';')[0].trim().toLowerCase() : null;
}

function invalidContentType(given: string, accepted: string[]): MeiliError {
  return new MeiliError(
    'invalid_content_type',
    `The Content-Type \`${given}\` is invalid. Accepted values for the Content-Type header are: ${accepted.map((a) => `\`${a}\``).join(', ')}`,
    415,
  );
}

/** serde_json's limit in Meilisearch; deeper values could not be journaled (recursive stringify) anyway. */
const MAX_DEPTH = 128;

function checkDepth(root: unknown, format: string): void {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) throw new MeiliError('malformed_payload', `The ${format} payload provided is malformed. \`recursion limit exceeded\`.`);
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
}

function parseText(text: string, format: 'json' | 'ndjson'): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (err) {
    throw new MeiliError('malformed_payload', `The ${format} payload provided is malformed. \`${(err as Error).message}\`.`);
  }
  checkDepth(value, format);
  return value;
}

export function parseJsonText(text: string): unknown {
  return parseText(text, 'json');
}

/** A JSON body for the non-document routes; `undefined` when there is none. */
export function jsonBody(req: IncomingMessage, raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  const type = mediaType(req);
  if (type === null) {
    throw new MeiliError('missing_content_type', 'A Content-Type header is missing. Accepted values for the Content-Type header are: `application/json`', 415);
  }
  if (type !== 'application/json') throw invalidContentType(type, ['application/json']);
  return parseJsonText(raw.toString('utf8'));
}

/** The body of a JSON route that needs one. */
export function requireJson(req: IncomingMessage, raw: Buffer): unknown {
  const body = jsonBody(req, raw);
  if (body === undefined) throw new MeiliError('missing_payload', 'A json payload is missing.');
  return body;
}

const DOCUMENT_TYPES = ['application/json', 'application/x-ndjson', 'text/csv'];

/** Documents in any format Meilisearch accepts on POST/PUT /documents. */
export function documentsBody(req: IncomingMessage, raw: Buffer, csvDelimiter: string): Record<string, unknown>[] {
  const type = mediaType(req);
  if (type === null) {
    throw new MeiliError('missing_content_type', `A Content-Type header is missing. Accepted values for the Content-Type header are: ${DOCUMENT_TYPES.map((a) => `\`${a}\``).join(', ')}`, 415);
  }
  if (!DOCUMENT_TYPES.includes(type)) throw invalidContentType(type, DOCUMENT_TYPES);
  const text = raw.toString('utf8');
  const format = type === 'text/csv' ? 'csv' : type === 'application/x-ndjson' ? 'ndjson' : 'json';
  if (text.trim() === '') throw new MeiliError('missing_payload', `A ${format} payload is missing.`);
  if (type === 'text/csv') return parseCsv(text, csvDelimiter);
  if (type === 'application/x-ndjson') {
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => asDocument(parseText(line, 'ndjson')));
  }
  const parsed = parseJsonText(text);
  const docs = Array.isArray(parsed) ? parsed : [parsed];
  return docs.map(asDocument);
}

function asDocument(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new MeiliError('malformed_payload', `The json payload provided is malformed. \`invalid type: ${JSON.stringify(value)}, expected a map\`.`);
  }
  return value as Record<string, unknown>;
}
