/**
 * Two kinds of error (CONTRIBUTING.md rule 6). These carry a sentence meant for the user and map to a
 * 4xx status; anything else is a bug, logged with context and shown as a generic message.
 */
export type FieldErrors = Record<string, string[]>;

export class UserError extends Error {
  override name = "UserError";
  readonly status: number = 400;
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
  }
}

export class ValidationError extends UserError {
  override name = "ValidationError";
  override readonly status = 400;
}

export class UnauthenticatedError extends UserError {
  override name = "UnauthenticatedError";
  override readonly status = 401;
  constructor(message = "Sign in to continue.") {
    super(message);
  }
}

export class ForbiddenError extends UserError {
  override name = "ForbiddenError";
  override readonly status = 403;
  constructor(message = "You do not have permission to do that.") {
    super(message);
  }
}

export class NotFoundError extends UserError {
  override name = "NotFoundError";
  override readonly status = 404;
  constructor(what = "That record") {
    super(`${what} was not found, or you cannot see it.`);
  }
}

/** A save based on an old version: the caller must look at the newer change first. */
export class ConflictError extends UserError {
  override name = "ConflictError";
  override readonly status = 409;
  constructor(
    message: string,
    readonly current?: unknown,
  ) {
    super(message);
  }
}

export class RateLimitError extends UserError {
  override name = "RateLimitError";
  override readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** Turns zod issues into `{ "field.path": ["message"] }`, the shape forms and problem+json use. */
export function fieldErrorsFromIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}
