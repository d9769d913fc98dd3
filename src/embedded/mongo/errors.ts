/** A command failure answered to the client as `{ok: 0, errmsg, code, codeName}`, as mongod does. */
export class MongoCommandError extends Error {
  constructor(
    readonly code: number,
    readonly codeName: string,
    message: string,
  ) {
    super(message);
    this.name = 'MongoCommandError';
  }
}

/** The codes this engine answers with; numbers and names as MongoDB's error_codes.yml. */
export const ErrorCodes = {
  BadValue: 2,
  FailedToParse: 9,
  TypeMismatch: 14,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  PathNotViable: 28,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  NamespaceExists: 48,
  InvalidLength: 50,
  DollarPrefixedFieldName: 52,
  InvalidIdField: 53,
  NotSingleValueField: 54,
  CommandNotFound: 59,
  ImmutableField: 66,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  OperationNotSupportedInTransaction: 263,
  DuplicateKey: 11000,
  Location15998: 15998,
  NotImplemented: 238,
  InvalidPipelineOperator: 168,
  QueryFeatureNotAllowed: 224,
  InternalError: 1,
  BSONObjectTooLarge: 10334,
  DocumentValidationFailure: 121,
  Unauthorized: 13,
  CannotCreateIndex: 67,
  InvalidUUID: 94,
  CommandNotSupported: 115,
  Location31250: 31250,
  Location31253: 31253,
  Location31254: 31254,
  Location40324: 40324,
  Location51272: 51272,
} as const;

export function commandError(name: keyof typeof ErrorCodes, message: string): MongoCommandError {
  return new MongoCommandError(ErrorCodes[name], name, message);
}
