/**
 * i18next setup. Every JSON file src/http/locales/<lng>/<ns>.json is a namespace, so a module's
 * strings appear just by adding its files. Views call t('agencies:form.name'); keys without a
 * namespace are looked up in `common`, then in `errors` (the error classes use 'errors.xxx').
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n, type Resource, type TFunction } from 'i18next';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'id';

const LOCALES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');

function readResources(dir: string): Resource {
  const resources: Resource = {};
  for (const lng of LANGUAGES) {
    resources[lng] = {};
    for (const file of fs.readdirSync(path.join(dir, lng)).filter((f) => f.endsWith('.json'))) {
      resources[lng][path.basename(file, '.json')] = JSON.parse(fs.readFileSync(path.join(dir, lng, file), 'utf8'));
    }
  }
  return resources;
}

export function createI18n(dir = LOCALES_DIR): i18n {
  const resources = readResources(dir);
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: Object.keys(resources[DEFAULT_LANGUAGE]),
    defaultNS: 'common',
    fallbackNS: ['errors'],
    interpolation: { escapeValue: false }, // EJS escapes on output (<%= %>).
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** Most distinct calls one language keeps answers for (keys come from code; the bound guards against calls built from input, e.g. a query in a title). */
const MEMO_LIMIT = 5_000;

/**
 * t for each language, answered from a memo: the resources never change while the app runs, and a
 * results page asks for the same labels once per hit and the same counted phrases once per page.
 * The memo key is the key with its options; a call whose options hold anything but strings,
 * numbers and booleans (objects, functions) goes to i18next every time.
 */
export function translators(instance: i18n): (lang: Language) => TFunction {
  const byLanguage = new Map<Language, TFunction>();
  const create = (lang: Language): TFunction => {
    const fixed = instance.getFixedT(lang) as unknown as (...args: unknown[]) => unknown;
    const memo = new Map<string, unknown>();
    return ((key: unknown, ...rest: unknown[]) => {
      const memoKey = memoKeyOf(key, rest);
      if (memoKey === null) return fixed(key, ...rest);
      if (memo.has(memoKey)) return memo.get(memoKey);
      const text = fixed(key, ...rest);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(memoKey, text);
      return text;
    }) as unknown as TFunction;
  };
  return (lang) => {
    let t = byLanguage.get(lang);
    if (!t) byLanguage.set(lang, (t = create(lang)));
    return t;
  };
}

/** The memo key of a call `t(key, options?)`, or null when the call must not be memoised. */
function memoKeyOf(key: unknown, rest: unknown[]): string | null {
  if (typeof key !== 'string') return null;
  if (rest.length === 0) return key;
  const [options] = rest;
  if (rest.length > 1 || typeof options !== 'object' || options === null || Array.isArray(options)) return null;
  const values = Object.values(options);
  if (!values.every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) return null;
  return `${key}\u0000${JSON.stringify(options)}`;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export type Translate = TFunction;
