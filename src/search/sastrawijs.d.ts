/** The package's own declarations do not resolve under NodeNext (extensionless relative imports). */
declare module 'sastrawijs' {
  export class Stemmer {
    constructor(dictionary?: string[]);
    stem(word: string): string;
  }
}
