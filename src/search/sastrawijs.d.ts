/** The package's own declarations do not resolve under NodeNext (extensionless relative imports). */
declare module 'sastrawijs' {
  export class Stemmer {
    constructor(dictionary?: string[]);
    stem(word: string): string;
    /** Whether `word` is a root of the dictionary. */
    find(word: string): boolean;
    /** The dictionary: root → "" (its addToDict loses `this`, so roots are added here). */
    internalDictionary: Record<string, string>;
  }
}
