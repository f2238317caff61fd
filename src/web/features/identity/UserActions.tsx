import { Button, Group, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { UserDto } from '../../../contracts/identity.js';
import { useSignedInMe } from '../../app/auth.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { isLocked } from './user-status.js';
import { useUserAction, type UserAction } from './users-api.js';

interface Confirmable {
  action: UserAction;
  title: string;
  message: string;
  confirmLabel: string;
  danger: boolean;
  done: string;
}

function confirmations(user: UserDto): Record<'deactivate' | 'reactivate' | 'mfa/reset', Confirmable> {
  const name = user.displayName;
  return {
    deactivate: {
      action: 'deactivate',
      title: `Deactivate ${name}?`,
      message: `${name} will be signed out everywhere and can no longer sign in. Their records and audit history stay.`,
      confirmLabel: 'Deactivate',
      danger: true,
      done: `${name} was deactivated.`,
    },
    reactivate: {
      action: 'reactivate',
      title: `Reactivate ${name}?`,
      message: `${name} will be able to sign in again with their current password.`,
      confirmLabel: 'Reactivate',
      danger: false,
      done: `${name} was reactivated.`,
    },
    'mfa/reset': {
      action: 'mfa/reset',
      title: `Reset multi-factor authentication for ${name}?`,
      message: `${name}'s authenticator app will stop working for Trellis. They set it up again at their next sign-in.`,
      confirmLabel: 'Reset MFA',
      danger: true,
      done: `Multi-factor authentication was reset for ${name}.`,
    },
  };
}

/** A row's actions: edit, and the account changes an administrator makes. */
export function UserActions({ user, onEdit }: { user: UserDto; onEdit: () => void }) {
  const me = useSignedInMe();
  const run = useUserAction();
  const [pending, setPending] = useState<Confirmable | null>(null);
  const asks = confirmations(user);

  const perform = (action: UserAction, done: string) =>
    run.mutate(
      { id: user.id, action },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: done });
          setPending(null);
        },
        onError: (error) => {
          if (!pending) notifications.show({ color: 'red', message: error.message });
        },
      },
    );

  const ask = (confirmable: Confirmable) => {
    run.reset();
    setPending(confirmable);
  };

  const more = [
    isLocked(user) && {
      label: 'Unlock',
      onClick: () => perform('unlock', `${user.displayName} was unlocked.`),
    },
    user.mfaEnabled && { label: 'Reset MFA', onClick: () => ask(asks['mfa/reset']) },
    user.status === 'deactivated' && { label: 'Reactivate', onClick: () => ask(asks.reactivate) },
    user.status === 'active' &&
      user.id !== me.user.id && { label: 'Deactivate', onClick: () => ask(asks.deactivate) },
  ].filter((item) => item !== false);

  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" variant="default" onClick={onEdit} aria-label={`Edit ${user.displayName}`}>
        Edit
      </Button>
      {more.length > 0 && (
        <Menu position="bottom-end">
          <Menu.Target>
            <Button size="xs" variant="default" aria-label={`More actions for ${user.displayName}`}>
              More
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {more.map((item) => (
              <Menu.Item key={item.label} onClick={item.onClick}>
                {item.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      {pending && (
        <ConfirmDialog
          opened
          title={pending.title}
          message={pending.message}
          confirmLabel={pending.confirmLabel}
          danger={pending.danger}
          pending={run.isPending}
          error={run.error}
          onConfirm={() => perform(pending.action, pending.done)}
          onClose={() => setPending(null)}
        />
      )}
    </Group>
  );
}
