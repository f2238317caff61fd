import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/**
 * Request logs carry the method, the route pattern and the path without its query string:
 * never headers (cookies), bodies or search terms, which may hold PHI. A path that is itself a
 * secret (`config.secretPath`) is logged as its route pattern.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req: (req: FastifyRequest) => ({
        method: req.method,
        route: req.routeOptions.url,
        path: req.routeOptions.config.secretPath ? req.routeOptions.url : req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    redact: { paths: ['req.headers', 'req.body', 'req.query', '*.password', '*.totp'], remove: true },
  };
}
