import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, type ErrorCode, type FieldError } from '../errors.js';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_VALIDATION: 'validation_failed',
};

const CONTEXT_PREFIX: Record<string, string> = {
  body: '',
  querystring: 'query.',
  params: 'params.',
  headers: 'headers.',
};

/** Maps any thrown value to an AppError: the one place errors become HTTP answers. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (typeof err !== 'object' || err === null)
    return new AppError('internal', { message: 'non-error thrown' });
  if (hasZodFastifySchemaValidationErrors(err)) {
    const prefix = CONTEXT_PREFIX[(err as { validationContext?: string }).validationContext ?? 'body'] ?? '';
    const fieldErrors: FieldError[] = err.validation.map((v) => ({
      path: prefix + v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: v.message ?? 'Invalid value.',
    }));
    return new AppError('validation_failed', { fieldErrors });
  }
  if (isResponseSerializationError(err))
    return new AppError('internal', { message: 'response serialization failed' });
  const fe = err as Partial<FastifyError> & { code?: string };
  if (fe.code && FASTIFY_CODES[fe.code]) return new AppError(FASTIFY_CODES[fe.code]!, { message: fe.code });
  if (fe.code === '23505') return new AppError('conflict', { message: 'unique violation' });
  // Invalid text representation, datetime format or value, and a NUL character in text.
  if (fe.code === '22P02' || fe.code === '22007' || fe.code === '22008' || fe.code === '22021')
    return new AppError('bad_request', { message: `invalid input (${fe.code})` });
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code: ErrorCode =
      fe.statusCode === 429 ? 'rate_limited' : fe.statusCode === 404 ? 'not_found' : 'bad_request';
    return new AppError(code, { message: fe.code ?? `http ${fe.statusCode}` });
  }
  return new AppError('internal', { message: 'unexpected error' });
}

/** Only what is safe to log: no message text from the database (it can quote values), no bodies. */
export function loggableError(err: unknown): Record<string, unknown> {
  const e = err as {
    name?: string;
    code?: string;
    routine?: string;
    table?: string;
    constraint?: string;
    stack?: string;
    message?: string;
  };
  const fromDatabase = typeof e.routine === 'string';
  return {
    type: e.name,
    code: e.code,
    ...(fromDatabase
      ? { routine: e.routine, table: e.table, constraint: e.constraint }
      : { message: e.message, stack: e.stack }),
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, err: AppError) {
  const { status, title } = ERROR_CODES[err.code];
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `urn:trellis:problem:${err.code}`,
      title,
      status,
      code: err.code,
      ...(err.userMessage ? { detail: err.userMessage } : {}),
      instance: request.url.split('?')[0],
      ...(err.fieldErrors ? { errors: err.fieldErrors } : {}),
      ...err.extensions,
    });
}
