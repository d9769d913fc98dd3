/** API key actions as Meilisearch v1.x names them, and how a key's actions and indexes grant a request. */

export const KEY_ACTIONS = [
  '*',
  'search',
  'documents.*',
  'documents.add',
  'documents.get',
  'documents.delete',
  'indexes.*',
  'indexes.create',
  'indexes.get',
  'indexes.update',
  'indexes.delete',
  'indexes.swap',
  'tasks.*',
  'tasks.cancel',
  'tasks.delete',
  'tasks.get',
  'settings.*',
  'settings.get',
  'settings.update',
  'stats.*',
  'stats.get',
  'metrics.*',
  'metrics.get',
  'dumps.*',
  'dumps.create',
  'snapshots.*',
  'snapshots.create',
  'version',
  'keys.create',
  'keys.get',
  'keys.update',
  'keys.delete',
  'experimental.get',
  'experimental.update',
] as const;

export type KeyAction = (typeof KEY_ACTIONS)[number];

/** True when a key holding `granted` may perform `wanted` (wildcards `*` and `group.*` included). */
export function actionAllowed(granted: readonly string[], wanted: string): boolean {
  const group = wanted.split('.')[0];
  return granted.some((a) => a === '*' || a === wanted || a === `${group}.*`);
}

/** Index patterns are exact uids, `*`, or a prefix ending in `*`. */
export function indexAllowed(patterns: readonly string[], uid: string): boolean {
  return patterns.some((p) => p === '*' || p === uid || (p.endsWith('*') && uid.startsWith(p.slice(0, -1))));
}
