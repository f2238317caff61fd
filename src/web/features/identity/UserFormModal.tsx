import { Button, Group, Modal, MultiSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { isEmail, isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { UpdateUserBody, UserDto } from '../../../contracts/identity.js';
import { passwordProblem } from '../../../domain/identity/password-policy.js';
import type { StaffRole } from '../../../domain/identity/roles.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { STAFF_ROLE_OPTIONS } from './role-options.js';
import { useSaveUser } from './users-api.js';

interface UserFormModalProps {
  /** The user to edit; without one the form creates a user. */
  user?: UserDto;
  onClose: () => void;
}

/** Creates a staff user, or edits one (name, email, roles, and optionally a new password). */
export function UserFormModal({ user, onClose }: UserFormModalProps) {
  const save = useSaveUser();
  const form = useForm({
    initialValues: {
      displayName: user?.displayName ?? '',
      email: user?.email ?? '',
      roles: (user?.roles ?? []) as StaffRole[],
      password: '',
    },
    validate: {
      displayName: isNotEmpty('Enter the person’s name.'),
      email: isEmail('Enter a valid email address.'),
      roles: (roles) => (roles.length > 0 ? null : 'Choose at least one role.'),
      password: (password, values) =>
        user && !password ? null : (passwordProblem(password, values.email) ?? null),
    },
  });

  const submit = form.onSubmit((values) => {
    const onError = (error: Error) => form.setErrors(serverFieldErrors(error));
    if (!user) {
      save.mutate(
        { body: values },
        { onSuccess: (created) => done(`${created.displayName} can now sign in.`), onError },
      );
      return;
    }
    const body: UpdateUserBody = {};
    if (form.isDirty('displayName')) body.displayName = values.displayName;
    if (form.isDirty('email')) body.email = values.email;
    if (form.isDirty('roles')) body.roles = values.roles;
    if (values.password) body.password = values.password;
    if (Object.keys(body).length === 0) return onClose();
    save.mutate(
      { id: user.id, body },
      { onSuccess: (updated) => done(`${updated.displayName} was updated.`), onError },
    );
  });

  const done = (message: string) => {
    notifications.show({ color: 'green', message });
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={user ? `Edit ${user.displayName}` : 'New user'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Full name"
            required
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('displayName')}
          />
          <TextInput
            label="Email"
            type="email"
            required
            autoComplete="off"
            {...form.getInputProps('email')}
          />
          <MultiSelect
            label="Roles"
            data={STAFF_ROLE_OPTIONS}
            required
            searchable
            {...form.getInputProps('roles')}
          />
          <PasswordInput
            label={user ? 'New password' : 'Initial password'}
            description={
              user
                ? 'Leave blank to keep the current password. At least 12 characters.'
                : 'At least 12 characters. Give it to the person in a secure way.'
            }
            autoComplete="new-password"
            required={!user}
            {...form.getInputProps('password')}
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {user ? 'Save changes' : 'Create user'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
