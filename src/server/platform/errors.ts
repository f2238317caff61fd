/** The closed list of error codes the API returns, with their HTTP status and title. */
export const ERROR_CODES = {
  validation_failed: { status: 400, title: 'The request has invalid fields' },
  bad_request: { status: 400, title: 'The request could not be read' },
  unauthenticated: { status: 401, title: 'Sign in to continue' },
  invalid_credentials: { status: 401, title: 'Email or password is incorrect' },
  mfa_required: { status: 401, title: 'Enter the code from your authenticator app' },
  mfa_invalid: { status: 401, title: 'That authentication code is not valid' },
  forbidden: { status: 403, title: 'You do not have permission to do this' },
  csrf_failed: { status: 403, title: 'The request is missing its CSRF token' },
  mfa_enrollment_required: { status: 403, title: 'Set up multi-factor authentication first' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  schedule_conflict: { status: 409, title: 'The booking conflicts with the schedule' },
  intensity_shortfall: { status: 409, title: 'The schedule does not meet the program’s intensity rule' },
  note_signed: { status: 409, title: 'A signed note never changes; add an addendum instead' },
  similar_notes: { status: 409, title: 'Some member notes are nearly identical to each other' },
  possible_duplicate: { status: 409, title: 'A patient with the same name and date of birth already exists' },
  instrument_disabled: { status: 403, title: 'This instrument is not enabled for your organization' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'Send the body as application/json' },
  rate_limited: { status: 429, title: 'Too many requests; try again shortly' },
  internal: { status: 500, title: 'Something went wrong on our side' },
  unavailable: { status: 503, title: 'The service is not available right now' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  path: string;
  message: string;
}

/**
 * The one error type. `message` is for logs and must never carry PHI; `userMessage` is shown
 * to the person (also free of PHI: it may name a field, never a patient).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string | undefined;
  readonly fieldErrors: FieldError[] | undefined;
  /** Extra members of the problem document (ids and summaries for the person; never in `message`). */
  readonly extensions: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    opts: {
      message?: string;
      userMessage?: string;
      fieldErrors?: FieldError[];
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(opts.message ?? opts.userMessage ?? ERROR_CODES[code].title);
    this.name = 'AppError';
    this.code = code;
    this.userMessage = opts.userMessage;
    this.fieldErrors = opts.fieldErrors;
    this.extensions = opts.extensions;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export const notFound = (what = 'resource') =>
  new AppError('not_found', { message: `${what} not found`, userMessage: `That ${what} was not found.` });
export const forbidden = () => new AppError('forbidden');
export const conflict = (userMessage: string, path?: string) =>
  new AppError('conflict', { userMessage, fieldErrors: path ? [{ path, message: userMessage }] : undefined });
export const invalid = (path: string, message: string) =>
  new AppError('validation_failed', {
    message: `invalid ${path}`,
    userMessage: message,
    fieldErrors: [{ path, message }],
  });
