import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { loggableError, toAppError } from './problem.js';

describe('toAppError', () => {
  it('passes an AppError through unchanged', () => {
    const err = new AppError('forbidden', { message: 'no', userMessage: 'Not yours.' });
    expect(toAppError(err)).toBe(err);
  });

  it('maps a unique violation (23505) to conflict', () => {
    expect(toAppError({ code: '23505' }).code).toBe('conflict');
  });

  it.each(['22P02', '22007', '22008'])('maps a malformed value (%s) to bad_request', (code) => {
    expect(toAppError({ code }).code).toBe('bad_request');
  });

  it('maps an arbitrary Error to internal without its message', () => {
    const mapped = toAppError(new Error('patient Jane Doe exploded'));
    expect(mapped.code).toBe('internal');
    expect(mapped.message).not.toContain('Jane');
  });

  // `throw 'boom'` or `Promise.reject()` in a handler reaches the error handler as-is.
  it.each([undefined, null, 'boom', 42, {}])('maps the non-Error throwable %j to internal', (thrown) => {
    expect(toAppError(thrown).code).toBe('internal');
  });

  it('maps a database error other than the known ones to internal, not echoing its text', () => {
    const mapped = toAppError(
      Object.assign(new Error('value "secret" too long'), { code: '22001', routine: 'x' }),
    );
    expect(mapped.code).toBe('internal');
    expect(mapped.message).not.toContain('secret');
  });

  it('maps a fastify 4xx by status: 429 → rate_limited, 404 → not_found, others → bad_request', () => {
    expect(toAppError({ statusCode: 429 }).code).toBe('rate_limited');
    expect(toAppError({ statusCode: 404 }).code).toBe('not_found');
    expect(toAppError({ statusCode: 400 }).code).toBe('bad_request');
    expect(toAppError({ statusCode: 405 }).code).toBe('bad_request');
  });

  it('does not treat a 5xx status as a client error', () => {
    expect(toAppError({ statusCode: 503 }).code).toBe('internal');
  });

  describe('errors raised by a real fastify app', () => {
    let app: FastifyInstance;
    const seen: unknown[] = [];

    beforeAll(async () => {
      app = Fastify({ bodyLimit: 64 });
      app.setValidatorCompiler(validatorCompiler);
      app.setSerializerCompiler(serializerCompiler);
      app.setErrorHandler((err, _req, reply) => {
        seen.push(err);
        const mapped = toAppError(err);
        return reply.status(mapped.status).send({ code: mapped.code, fieldErrors: mapped.fieldErrors });
      });
      app.post('/echo', (req) => ({ body: req.body }));
      app.withTypeProvider<ZodTypeProvider>().post(
        '/typed',
        {
          schema: {
            querystring: z.object({ page: z.coerce.number().int().optional() }),
            body: z.object({ name: z.string(), address: z.object({ zip: z.string().length(5) }) }),
          },
        },
        () => ({ ok: true }),
      );
      await app.ready();
    });
    afterAll(() => app.close());

    const post = (url: string, payload: string, contentType = 'application/json') =>
      app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType } });

    it('maps a body over the limit to payload_too_large (413)', async () => {
      const res = await post('/echo', JSON.stringify({ text: 'x'.repeat(200) }));
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ code: 'payload_too_large' });
    });

    it('maps an unsupported content type to unsupported_media_type (415)', async () => {
      const res = await post('/echo', '<a/>', 'application/xml');
      expect(res.statusCode).toBe(415);
      expect(res.json()).toMatchObject({ code: 'unsupported_media_type' });
    });

    it('maps invalid JSON to bad_request (400)', async () => {
      const res = await post('/echo', '{"a":');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'bad_request' });
    });

    it('maps an empty JSON body to bad_request (400)', async () => {
      const res = await post('/echo', '');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'bad_request' });
    });

    it('maps schema failures to validation_failed with dotted field paths', async () => {
      const res = await post('/typed', JSON.stringify({ name: 1, address: { zip: '123' } }));
      expect(res.statusCode).toBe(400);
      const body = res.json<{ code: string; fieldErrors: { path: string; message: string }[] }>();
      expect(body.code).toBe('validation_failed');
      expect(body.fieldErrors.map((f) => f.path).sort()).toEqual(['address.zip', 'name']);
      for (const f of body.fieldErrors) expect(f.message).not.toBe('');
    });

    it('prefixes query-string field paths with "query."', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/typed?page=abc',
        payload: { name: 'a', address: { zip: '12345' } },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', fieldErrors: [{ path: 'query.page' }] });
    });
  });
});

describe('loggableError', () => {
  const PHI = 'Jane Doe 1980-02-03';

  function databaseError() {
    const err = new pg.DatabaseError(`duplicate key value violates unique constraint: ${PHI}`, 0, 'error');
    Object.assign(err, {
      code: '23505',
      detail: `Key (email)=(${PHI}) already exists.`,
      table: 'users',
      constraint: 'users_email_key',
      routine: '_bt_check_unique',
    });
    return err;
  }

  it('never includes the message or detail of a database error, anywhere', () => {
    const logged = loggableError(databaseError());
    expect(logged).not.toHaveProperty('message');
    expect(logged).not.toHaveProperty('detail');
    expect(JSON.stringify(logged)).not.toContain('Jane');
  });

  it('keeps the code, table and constraint of a database error', () => {
    expect(loggableError(databaseError())).toMatchObject({
      code: '23505',
      table: 'users',
      constraint: 'users_email_key',
      routine: '_bt_check_unique',
    });
  });

  it('never includes the detail of a plain object shaped like a database error', () => {
    const logged = loggableError({ code: '23503', routine: 'ri_ReportViolation', detail: PHI, message: PHI });
    expect(JSON.stringify(logged)).not.toContain('Jane');
    expect(logged).toMatchObject({ code: '23503' });
  });

  it('keeps the message and stack of an application error for debugging', () => {
    const err = new TypeError('cannot read x of undefined');
    expect(loggableError(err)).toMatchObject({
      type: 'TypeError',
      message: 'cannot read x of undefined',
      stack: err.stack,
    });
  });

  it('copes with non-object throwables', () => {
    expect(() => loggableError('boom')).not.toThrow();
    expect(() => loggableError(42)).not.toThrow();
  });
});
