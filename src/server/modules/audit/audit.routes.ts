import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEventDto, AuditQuery } from '../../../contracts/audit.js';
import { IdParams, Page } from '../../../contracts/common.js';
import { actorOf } from '../../platform/auth/hook.js';
import type { AuditService } from './audit.service.js';

const tags = ['audit'];

export const auditRoutes =
  (service: AuditService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit-events',
      {
        schema: {
          tags,
          summary: 'Browse the audit log, newest first (admin)',
          querystring: AuditQuery,
          response: { 200: Page(AuditEventDto) },
        },
      },
      (req) => service.list(actorOf(req), req.query),
    );
    app.get(
      '/audit-events/export',
      { schema: { tags, summary: 'Export the filtered audit log as CSV (admin)', querystring: AuditQuery } },
      async (req, reply) => {
        const csv = await service.exportCsv(actorOf(req), req.query);
        const stamp = new Date().toISOString().slice(0, 10);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="trellis-audit-${stamp}.csv"`)
          .send(csv);
      },
    );
    app.get(
      '/audit-events/:id',
      {
        schema: {
          tags,
          summary: 'One audit event with its details (admin)',
          params: IdParams,
          response: { 200: AuditEventDto },
        },
      },
      (req) => service.get(actorOf(req), req.params.id),
    );
  };
