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

/** Most distinct keys one language keeps answers for (keys come from code; the bound only guards against a key built from input). */
const MEMO_LIMIT = 5_000;

/**
 * t for each language. A call with a key alone is answered from a memo: the resources never change
 * while the app runs, and a results page asks for the same labels once per hit. Calls with options
 * (counts, interpolation, defaults) go to i18next every time.
 */
export function translators(instance: i18n): (lang: Language) => TFunction {
  const byLanguage = new Map<Language, TFunction>();
  const create = (lang: Language): TFunction => {
    const fixed = instance.getFixedT(lang) as unknown as (...args: unknown[]) => unknown;
    const memo = new Map<string, unknown>();
    return ((key: unknown, ...rest: unknown[]) => {
      if (rest.length > 0 || typeof key !== 'string') return fixed(key, ...rest);
      if (memo.has(key)) return memo.get(key);
      const text = fixed(key);
      if (memo.size < MEMO_LIMIT) memo.set(key, text);
      return text;
    }) as unknown as TFunction;
  };
  return (lang) => {
    let t = byLanguage.get(lang);
    if (!t) byLanguage.set(lang, (t = create(lang)));
    return t;
  };
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export type Translate = TFunction;
