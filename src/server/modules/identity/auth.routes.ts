import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChangePasswordBody,
  LoginBody,
  MeDto,
  TotpDisableBody,
  TotpSetupDto,
  TotpVerifyBody,
} from '../../../contracts/identity.js';
import { actorOf, clearSessionCookie, principalOf, setSessionCookie } from '../../platform/auth/hook.js';
import type { AuthService } from './auth.service.js';

const tags = ['identity'];
const duringEnrollment = { allowDuringMfaEnrollment: true };

export const authRoutes =
  (service: AuthService, loginRatePerMinute: number): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/auth/login',
      {
        config: { public: true, rateLimit: { max: loginRatePerMinute, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Sign in; sets the session cookie',
          body: LoginBody,
          response: { 200: MeDto },
        },
      },
      async (req, reply) => {
        const { token, me } = await service.login(req.body, {
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
        });
        setSessionCookie(req, reply, token);
        return me;
      },
    );
    app.post(
      '/auth/logout',
      { config: duringEnrollment, schema: { tags, summary: 'Sign out and end the session' } },
      async (req, reply) => {
        await service.logout(principalOf(req), req.ip);
        clearSessionCookie(req, reply);
        return reply.status(204).send();
      },
    );
    app.get(
      '/me',
      {
        config: duringEnrollment,
        schema: { tags, summary: 'The signed-in user, organization and roles', response: { 200: MeDto } },
      },
      (req) => service.me(principalOf(req)),
    );
    app.post(
      '/me/password',
      { schema: { tags, summary: 'Change your password', body: ChangePasswordBody } },
      async (req, reply) => {
        await service.changePassword(actorOf(req), principalOf(req).sessionId, req.body);
        return reply.status(204).send();
      },
    );
    app.post(
      '/me/mfa/totp/setup',
      {
        config: duringEnrollment,
        schema: {
          tags,
          summary: 'Start authenticator-app (TOTP) enrollment',
          response: { 200: TotpSetupDto },
        },
      },
      (req) => service.startTotpEnrollment(actorOf(req)),
    );
    app.post(
      '/me/mfa/totp/verify',
      {
        config: duringEnrollment,
        schema: {
          tags,
          summary: 'Confirm enrollment with a code from the app',
          body: TotpVerifyBody,
          response: { 200: MeDto },
        },
      },
      async (req) => {
        await service.confirmTotpEnrollment(actorOf(req), req.body.code);
        return service.me({ ...principalOf(req), mfaEnrollmentRequired: false });
      },
    );
    app.post(
      '/me/mfa/totp/disable',
      { schema: { tags, summary: 'Turn off authenticator-app sign-in', body: TotpDisableBody } },
      async (req, reply) => {
        await service.disableTotp(actorOf(req), req.body.password);
        return reply.status(204).send();
      },
    );
  };
