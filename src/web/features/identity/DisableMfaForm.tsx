import { Button, Group, PasswordInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { useTotpDisable } from './account-api.js';

/** Turning MFA off asks for the password again, so an unattended session cannot do it. */
export function DisableMfaForm() {
  const disable = useTotpDisable();
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: isNotEmpty('Enter your password.') },
  });

  const submit = form.onSubmit(({ password }) =>
    disable.mutate(password, {
      onSuccess: () => notifications.show({ message: 'Multi-factor authentication is off.' }),
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end">
        <PasswordInput
          label="Confirm with your password"
          autoComplete="current-password"
          required
          w={320}
          {...form.getInputProps('password')}
        />
        <Button type="submit" color="red" variant="outline" loading={disable.isPending}>
          Turn off MFA
        </Button>
      </Group>
      <ErrorAlert error={disable.error} />
    </form>
  );
}
