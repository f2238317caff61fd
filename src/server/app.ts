import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Deps } from './deps.js';
import { assessmentsRoutes } from './modules/assessments/index.js';
import { auditRoutes } from './modules/audit/index.js';
import { intakeRoutes } from './modules/intake/index.js';
import { patientsRoutes } from './modules/patients/index.js';
import { safetyPlansRoutes, safetyRoutes } from './modules/safety/index.js';
import { outcomesRoutes } from './modules/outcomes/index.js';
import { plansRoutes } from './modules/plans/index.js';
import { attendanceRoutes } from './modules/attendance/index.js';
import { notesRoutes } from './modules/notes/index.js';
import { episodesRoutes, programsRoutes, sessionsRoutes } from './modules/scheduling/index.js';
import { selfCheckRoutes } from './modules/self-check/index.js';
import { authRoutes, usersRoutes } from './modules/identity/index.js';
import { organizationsRoutes } from './modules/organizations/index.js';
import { registerAuthHook } from './platform/auth/hook.js';
import { AppError } from './platform/errors.js';
import { loggableError, sendProblem, toAppError } from './platform/http/problem.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';

const BODY_LIMIT_BYTES = 512 * 1024;
const NOT_WEB_PATHS = /^\/(api|fhir|healthz)(\/|$|\?)/;

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
}

/** The HTTP application: platform plugins, then every module's routes. */
export async function buildApp(deps: Deps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // An empty body on a JSON POST (e.g. "deactivate") is no body, not an error.
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) =>
    body === '' ? done(null, undefined) : jsonParser(req, body as string, done),
  );

  app.setErrorHandler((err, request, reply) => {
    const appError = toAppError(err);
    if (appError.status >= 500) request.log.error({ error: loggableError(err) }, 'request failed');
    return sendProblem(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !NOT_WEB_PATHS.test(request.url) && webDirExists(config.webDir))
      return reply.sendFile('index.html');
    return sendProblem(
      request,
      reply,
      new AppError('not_found', { userMessage: 'There is nothing at this address.' }),
    );
  });

  registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  registerAuthHook(app, deps.sessions);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('rate_limited'),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Trellis API',
        version: '1',
        description:
          'Every change needs the session cookie from /api/v1/auth/login and the X-CSRF-Token header from /api/v1/me. Errors are RFC 9457 problem+json with a stable `code`.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'trellis_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { deepLinking: true } });

  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database reachability',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      try {
        await sql`select 1`.execute(deps.database.db);
      } catch {
        throw new AppError('unavailable', { message: 'database unreachable' });
      }
      return { status: 'ok' as const, database: deps.database.kind };
    },
  );

  await app.register(
    async (api) => {
      await api.register(authRoutes(deps.auth, config.loginRatePerMinute));
      await api.register(usersRoutes(deps.users));
      await api.register(organizationsRoutes(deps.organizations));
      await api.register(auditRoutes(deps.auditTrail));
      await api.register(patientsRoutes(deps.patients));
      await api.register(intakeRoutes(deps.intake));
      await api.register(assessmentsRoutes(deps.assessments));
      await api.register(safetyRoutes(deps.safety));
      await api.register(programsRoutes(deps.programs));
      await api.register(sessionsRoutes(deps.schedule, deps.episodes, deps.feeds));
      await api.register(episodesRoutes(deps.episodes));
      await api.register(attendanceRoutes(deps.attendance));
      await api.register(notesRoutes(deps.notes, deps.chart));
      await api.register(plansRoutes(deps.plans));
      await api.register(outcomesRoutes(deps.outcomes));
      await api.register(safetyPlansRoutes(deps.safetyPlans));
      await api.register(selfCheckRoutes(deps.selfCheck, config.selfCheck.ratePerHour));
    },
    { prefix: '/api/v1' },
  );

  if (webDirExists(config.webDir)) {
    await app.register(fastifyStatic, {
      root: path.resolve(config.webDir),
      wildcard: false,
      index: ['index.html'],
    });
  }
  return app;
}

function webDirExists(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'index.html'));
}
