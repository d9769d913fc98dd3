/** /indexes/:uid/settings, whole and one route per setting (kebab-case names). */
import { MeiliError } from '../errors.js';
import { defaultSettings, validateSettingsPatch } from '../core/index.js';
import { jsonBody, requireJson } from '../http/body.js';
import { checkIndexUid, enqueue } from './route-helpers.js';
import type { Engine } from './route-helpers.js';
import type { Route } from '../http/router.js';
import type { Settings } from '../core/index.js';

type SettingName = keyof Settings;

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export function settingsRoutes(engine: Engine): Route[] {
  const { catalog } = engine.store;
  const names = Object.keys(defaultSettings()) as SettingName[];
  const current = (uid: string): Settings => catalog.get(checkIndexUid(uid)).index.settings;
  const update = (uid: string, patch: Partial<Settings>, query: URLSearchParams) =>
    enqueue(engine, checkIndexUid(uid), 'settingsUpdate', { ...patch }, { kind: 'updateSettings', patch }, query);
  const resetAll = (): Partial<Settings> => Object.fromEntries(names.map((n) => [n, null])) as Partial<Settings>;

  const whole: Route[] = [
    { method: 'GET', pattern: '/indexes/:uid/settings', action: 'settings.get', handler: ({ params }) => ({ status: 200, body: current(params.uid) }) },
    {
      method: 'PATCH',
      pattern: '/indexes/:uid/settings',
      action: 'settings.update',
      handler: ({ req, raw, params, query }) => {
        checkIndexUid(params.uid);
        return update(params.uid, validateSettingsPatch('all', requireJson(req, raw)), query);
      },
    },
    { method: 'DELETE', pattern: '/indexes/:uid/settings', action: 'settings.update', handler: ({ params, query }) => update(params.uid, resetAll(), query) },
  ];

  const perSetting = names.flatMap((name): Route[] => {
    const pattern = `/indexes/:uid/settings/${kebab(name)}`;
    const write: Route['handler'] = ({ req, raw, params, query }) => {
      checkIndexUid(params.uid);
      const body = jsonBody(req, raw);
      if (body === undefined) throw new MeiliError('missing_payload', 'A json payload is missing.');
      return update(params.uid, validateSettingsPatch(name, body), query);
    };
    return [
      { method: 'GET', pattern, action: 'settings.get', handler: ({ params }) => ({ status: 200, body: current(params.uid)[name] }) },
      // The client sends PUT for most settings and PATCH for the object-valued ones; both are accepted.
      { method: 'PUT', pattern, action: 'settings.update', handler: write },
      { method: 'PATCH', pattern, action: 'settings.update', handler: write },
      { method: 'DELETE', pattern, action: 'settings.update', handler: ({ params, query }) => update(params.uid, { [name]: null } as Partial<Settings>, query) },
    ];
  });
  return [...whole, ...perSetting];
}
