/** An API error answered as Meilisearch does: `{message, code, type, link}` with an HTTP status. */
export type MeiliErrorType = 'invalid_request' | 'auth' | 'internal' | 'system';

export class MeiliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly type: MeiliErrorType = 'invalid_request',
  ) {
    super(message);
    this.name = 'MeiliError';
  }

  toJSON(): { message: string; code: string; type: MeiliErrorType; link: string } {
    return { message: this.message, code: this.code, type: this.type, link: `https://docs.meilisearch.com/errors#${this.code}` };
  }
}
