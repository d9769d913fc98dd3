/**
 * The one error family of the app. Services throw these; the error handler turns them into an
 * HTML page or the JSON shape `{error: {code, message, details}}`. `message` is an i18n key.
 */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: FieldErrors,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(details: FieldErrors, message = 'errors.validation') {
    super('validation_failed', 422, message, details);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'errors.unauthorized') {
    super('unauthorized', 401, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'errors.forbidden') {
    super('forbidden', 403, message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'errors.not_found') {
    super('not_found', 404, message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details?: FieldErrors) {
    super('conflict', 409, message, details);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message = 'errors.too_many_requests') {
    super('too_many_requests', 429, message);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message = 'errors.unavailable') {
    super('unavailable', 503, message);
  }
}
