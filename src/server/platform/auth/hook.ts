import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../../domain/identity/roles.js';
import type { Actor } from '../audit/audit-log.js';
import { AppError } from '../errors.js';
import type { Principal } from './principal.js';
import type { SessionStore } from './sessions.js';
import { safeEqual } from './tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. Every other route requires a session (fail closed). */
    public?: boolean;
    /** Reachable while the organization requires MFA and the user has not enrolled yet. */
    allowDuringMfaEnrollment?: boolean;
    /** The path itself is a credential (a feed token): logs carry the route pattern instead. */
    secretPath?: boolean;
  }
}

export const SESSION_COOKIE = 'trellis_session';
export const CSRF_HEADER = 'x-csrf-token';
const PROTECTED_PATHS = /^\/(api\/v\d+|fhir)\//;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Resolves the session cookie into `request.principal` and enforces sign-in, CSRF and MFA enrollment. */
export function registerAuthHook(app: FastifyInstance, sessions: SessionStore) {
  // The web app's files and the API docs are public; under /api/v1 and /fhir a route is public
  // only when it says so. Register this before any route.
  app.addHook('onRoute', (route) => {
    if (!PROTECTED_PATHS.test(route.url)) route.config = { ...route.config, public: true };
  });
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.principal = await sessions.resolve(token);
    if (request.is404 || config.public) {
      if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
      return;
    }
    const principal = request.principal;
    if (!principal) throw new AppError('unauthenticated');
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, principal.csrfToken))
        throw new AppError('csrf_failed');
    }
    if (principal.mfaEnrollmentRequired && !config.allowDuringMfaEnrollment)
      throw new AppError('mfa_enrollment_required');
  });
}

/** Public state-changing routes (sign-in) refuse cross-site form posts: login CSRF. */
function assertSameOrigin(request: FastifyRequest) {
  const origin = request.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('csrf_failed');
  }
  if (host !== request.host) throw new AppError('csrf_failed');
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated');
  return request.principal;
}

export function actorOf(
  request: FastifyRequest,
): Actor & { userId: string; organizationId: string; roles: Role[] } {
  const p = principalOf(request);
  return { organizationId: p.organizationId, userId: p.userId, roles: p.roles, ip: request.ip };
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  });
}
