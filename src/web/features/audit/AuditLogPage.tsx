import { Button, Group, Loader, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { AuditEventDto } from '../../../contracts/audit.js';
import { ROLE_LABELS, ROLES, type Role } from '../../../domain/identity/roles.js';
import { useSignedInMe } from '../../app/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { formatDateTime } from '../../components/format.js';
import { Page } from '../../components/Page.js';
import { auditExportUrl, useAuditEvents, type AuditFilters } from './audit-api.js';
import { AuditFiltersForm } from './AuditFiltersForm.js';

const roleLabel = (role: string) => (ROLES.includes(role as Role) ? ROLE_LABELS[role as Role] : role);

/** Failures and denials stand out; successes, the usual case, do not. */
function Outcome({ outcome }: { outcome: AuditEventDto['outcome'] }) {
  return outcome === 'success' ? (
    <Text span>success</Text>
  ) : (
    <Text span c="red.9" fw={700}>
      {outcome}
    </Text>
  );
}

export function AuditLogPage() {
  const me = useSignedInMe();
  const timeZone = me.organization.timeZone;
  const [filters, setFilters] = useState<AuditFilters>({});
  const events = useAuditEvents(filters);
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Page
      title="Audit log"
      actions={
        <Button component="a" href={auditExportUrl(filters)} download variant="default">
          Export CSV
        </Button>
      }
    >
      <AuditFiltersForm filters={filters} onChange={setFilters} errors={serverFieldErrors(events.error)} />
      <ErrorAlert error={events.error} />
      <Text>Times are in the organization’s time zone ({timeZone}).</Text>
      <Table.ScrollContainer minWidth={1000}>
        <Table striped aria-label="Audit events">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Time</Table.Th>
              <Table.Th>User</Table.Th>
              <Table.Th>Roles</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Resource</Table.Th>
              <Table.Th>Patient</Table.Th>
              <Table.Th>IP address</Table.Th>
              <Table.Th>Outcome</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td>{formatDateTime(event.occurredAt, timeZone)}</Table.Td>
                <Table.Td>{event.actorEmail ?? 'System'}</Table.Td>
                <Table.Td>{event.actorRoles.map(roleLabel).join(', ')}</Table.Td>
                <Table.Td>{event.action.replace('_', ' ')}</Table.Td>
                <Table.Td>
                  {event.resourceType}
                  {event.resourceId && (
                    <Text size="xs" ff="monospace">
                      {event.resourceId}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {event.patientId ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>{event.ip ?? ''}</Table.Td>
                <Table.Td>
                  <Outcome outcome={event.outcome} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {events.isFetching && !events.isFetchingNextPage && (
        <Loader size="sm" aria-label="Loading audit events" />
      )}
      {events.isSuccess && rows.length === 0 && <Text>No audit events match these filters.</Text>}
      <Group>
        {events.hasNextPage && (
          <Button
            variant="default"
            loading={events.isFetchingNextPage}
            onClick={() => void events.fetchNextPage()}
          >
            Load more
          </Button>
        )}
      </Group>
    </Page>
  );
}
