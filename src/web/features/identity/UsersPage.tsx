import { Badge, Button, Group, Loader, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { UserDto } from '../../../contracts/identity.js';
import { ROLE_LABELS, type StaffRole } from '../../../domain/identity/roles.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatTime } from '../../components/format.js';
import { Page } from '../../components/Page.js';
import { MfaBadge } from './MfaBadge.js';
import { STAFF_ROLE_OPTIONS } from './role-options.js';
import { UserActions } from './UserActions.js';
import { UserFormModal } from './UserFormModal.js';
import { isLocked } from './user-status.js';
import { useUsers } from './users-api.js';

const STATUS_OPTIONS: { value: UserDto['status']; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'deactivated', label: 'Deactivated' },
];

/** Which form is open: none, the new-user form, or the edit form for one user. */
type Editing = null | { user?: UserDto };

export function UsersPage() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [role, setRole] = useState<StaffRole | null>(null);
  const [status, setStatus] = useState<UserDto['status'] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const users = useUsers({
    q: q || undefined,
    role: role ?? undefined,
    status: status ?? undefined,
  });

  return (
    <Page title="Users" actions={<Button onClick={() => setEditing({})}>New user</Button>}>
      <Group align="flex-end">
        <TextInput
          label="Search name or email"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={260}
        />
        <Select
          label="Role"
          placeholder="Any role"
          data={STAFF_ROLE_OPTIONS}
          value={role}
          onChange={setRole}
          clearable
        />
        <Select
          label="Status"
          placeholder="Any status"
          data={STATUS_OPTIONS}
          value={status}
          onChange={setStatus}
          clearable
        />
        {users.isFetching && <Loader size="sm" aria-label="Loading users" />}
      </Group>
      <ErrorAlert error={users.error} />
      <Table.ScrollContainer minWidth={800}>
        <Table striped highlightOnHover aria-label="Users">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Roles</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>MFA</Table.Th>
              <Table.Th>Locked</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data?.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>{user.displayName}</Table.Td>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {user.roles.map((r) => (
                      <Badge key={r} variant="light" color="gray" tt="none">
                        {ROLE_LABELS[r]}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{user.status === 'active' ? 'Active' : 'Deactivated'}</Table.Td>
                <Table.Td>
                  <MfaBadge on={user.mfaEnabled} />
                </Table.Td>
                <Table.Td>
                  {isLocked(user) && user.lockedUntil ? `Until ${formatTime(user.lockedUntil)}` : 'No'}
                </Table.Td>
                <Table.Td>
                  <UserActions user={user} onEdit={() => setEditing({ user })} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {users.data?.length === 0 && <Text>No users match these filters.</Text>}
      {editing && <UserFormModal user={editing.user} onClose={() => setEditing(null)} />}
    </Page>
  );
}
