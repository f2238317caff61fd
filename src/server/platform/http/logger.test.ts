import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logger.js';

type Serializer = (req: FastifyRequest) => Record<string, unknown>;
const serializeRequest = (loggerOptions('info') as { serializers: { req: Serializer } }).serializers.req;

const request = (url: string, route: string, config: Record<string, unknown> = {}) =>
  ({ method: 'GET', url, routeOptions: { url: route, config } }) as unknown as FastifyRequest;

describe('request log lines', () => {
  it('drop the query string, where search terms live', () => {
    expect(serializeRequest(request('/api/v1/patients?q=Jane%20Doe', '/api/v1/patients'))).toEqual({
      method: 'GET',
      route: '/api/v1/patients',
      path: '/api/v1/patients',
    });
  });

  it('log a secret path (a calendar feed token) as its route pattern only', () => {
    const line = serializeRequest(
      request('/api/v1/ics/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG.ics', '/api/v1/ics/:file', {
        secretPath: true,
      }),
    );
    expect(line).toEqual({ method: 'GET', route: '/api/v1/ics/:file', path: '/api/v1/ics/:file' });
    expect(JSON.stringify(line)).not.toContain('abcdefghij');
  });
});
