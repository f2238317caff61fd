import { Button, Code, Image, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { hasCode } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { useTotpSetup, useTotpVerify } from './account-api.js';

/** Turns on TOTP: create a secret, show it as a QR code and as text, then confirm one code. */
export function MfaEnrollment() {
  const setup = useTotpSetup();
  const verify = useTotpVerify();
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (value) => (/^\d{6}$/.test(value) ? null : 'Enter the 6-digit code.') },
  });

  if (!setup.data) {
    return (
      <Stack align="flex-start">
        <Text>
          You will need an authenticator app on your phone, such as Google Authenticator, Microsoft
          Authenticator or 1Password.
        </Text>
        <ErrorAlert error={setup.error} />
        <Button loading={setup.isPending} onClick={() => setup.mutate()}>
          Set up authenticator app
        </Button>
      </Stack>
    );
  }

  const submit = form.onSubmit(({ code }) =>
    verify.mutate(code, {
      onSuccess: () => notifications.show({ color: 'green', message: 'Multi-factor authentication is on.' }),
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack align="flex-start" maw={480}>
        <Text>1. In your authenticator app, add an account and scan this QR code.</Text>
        <Image
          src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.data.qrSvg)}`}
          alt="QR code for adding Trellis to your authenticator app"
          w={200}
          h={200}
        />
        <Text>Cannot scan? Enter this setup key instead:</Text>
        <Code fz="md" style={{ wordBreak: 'break-all' }}>
          {setup.data.secret}
        </Code>
        <Text>2. Enter the 6-digit code the app shows.</Text>
        <TextInput
          label="Authentication code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          {...form.getInputProps('code')}
        />
        <ErrorAlert
          error={verify.error}
          message={
            hasCode(verify.error, 'mfa_invalid')
              ? 'That code did not match. Check the time on your phone and try the next code.'
              : undefined
          }
        />
        <Button type="submit" loading={verify.isPending}>
          Verify and turn on
        </Button>
      </Stack>
    </form>
  );
}
