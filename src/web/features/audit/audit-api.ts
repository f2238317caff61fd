import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditAction, AuditEventDto } from '../../../contracts/audit.js';
import { api, apiUrl } from '../../app/api.js';

export interface AuditFilters {
  userId?: string;
  patientId?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
}

const PAGE_SIZE = 100;

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit-events', filters],
    queryFn: ({ pageParam }) =>
      api.get<{ items: AuditEventDto[]; nextCursor: string | null }>('/audit-events', {
        ...filters,
        cursor: pageParam,
        limit: PAGE_SIZE,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function auditExportUrl(filters: AuditFilters): string {
  return apiUrl('/audit-events/export', { ...filters });
}
