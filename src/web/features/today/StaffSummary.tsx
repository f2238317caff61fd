import { Anchor, Loader, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import { isLocked } from '../identity/user-status.js';
import { useUsers } from '../identity/users-api.js';

/** For administrators: active staff accounts, and those that need attention. */
export function StaffSummary() {
  const users = useUsers({ status: 'active' });
  const active = users.data ?? [];
  const withoutMfa = active.filter((u) => !u.mfaEnabled).length;
  const locked = active.filter((u) => isLocked(u)).length;

  return (
    <Section heading="Staff accounts">
      {users.isPending && <Loader size="sm" aria-label="Loading staff accounts" />}
      <ErrorAlert error={users.error} />
      {users.data && (
        <Text>
          {count(active.length, 'active user')},{' '}
          {count(withoutMfa, 'without multi-factor authentication', false)}, {count(locked, 'locked', false)}.
        </Text>
      )}
      <Anchor component={Link} to="/users">
        Manage users
      </Anchor>
    </Section>
  );
}

function count(n: number, what: string, pluralize = true): string {
  return `${n} ${pluralize && n !== 1 ? `${what}s` : what}`;
}
