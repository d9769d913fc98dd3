/**
 * GET/PATCH/DELETE /indexes/:uid/settings/chat. The setting is stored and reported; chat
 * completions themselves are not supported.
 */
import { MeiliError } from '../errors.js';
import { requireJson } from '../http/body.js';
import { asObject, checkIndexUid, enqueue, knownFields } from './route-helpers.js';
import { defaultChatSettings } from '../tasks/chat-settings.js';
import type { Engine } from './route-helpers.js';
import type { Route } from '../http/router.js';
import type { ChatSettings } from '../tasks/chat-settings.js';

const FIELDS = Object.keys(defaultChatSettings());

function invalid(field: string, expected: string, value: unknown): MeiliError {
  return new MeiliError('invalid_settings_chat', `Invalid value type at \`.${field}\`: expected ${expected}, but found ${JSON.stringify(value)}`);
}

/** Checks a PATCH body; `null` fields mean "back to the default". */
function validateChatPatch(body: Record<string, unknown>): Partial<Record<keyof ChatSettings, unknown>> {
  knownFields(body, FIELDS, 'invalid_settings_chat');
  for (const [field, value] of Object.entries(body)) {
    if (value === null) continue;
    if ((field === 'description' || field === 'documentTemplate') && typeof value !== 'string') throw invalid(field, 'a string', value);
    if (field === 'documentTemplateMaxBytes' && !(typeof value === 'number' && Number.isInteger(value) && value > 0)) throw invalid(field, 'a positive integer', value);
    if (field === 'searchParameters' && (typeof value !== 'object' || Array.isArray(value))) throw invalid(field, 'an object', value);
  }
  return body;
}

export function chatSettingsRoutes(engine: Engine): Route[] {
  const { catalog } = engine.store;
  const pattern = '/indexes/:uid/settings/chat';
  const update = (uid: string, patch: Record<string, unknown>, query: URLSearchParams) =>
    enqueue(engine, checkIndexUid(uid), 'settingsUpdate', { chat: patch }, { kind: 'updateChat', patch }, query);
  return [
    { method: 'GET', pattern, action: 'settings.get', handler: ({ params }) => ({ status: 200, body: catalog.get(checkIndexUid(params.uid)).chat }) },
    {
      method: 'PATCH',
      pattern,
      action: 'settings.update',
      handler: ({ req, raw, params, query }) => update(params.uid, validateChatPatch(asObject(requireJson(req, raw))), query),
    },
    {
      method: 'DELETE',
      pattern,
      action: 'settings.update',
      handler: ({ params, query }) => update(params.uid, Object.fromEntries(FIELDS.map((f) => [f, null])), query),
    },
  ];
}
