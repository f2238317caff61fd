import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, hasCode } from '../../app/api.js';
import { useLogin, useMe } from '../../app/auth.js';
import type { LoginRedirectState } from '../../app/RequireAuth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

/** What went wrong, without saying whether the email exists or the account is locked. */
function loginErrorMessage(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  switch (error.code) {
    case 'invalid_credentials':
      return 'Email or password is incorrect.';
    case 'mfa_invalid':
      return 'That code is not valid. Enter the current 6-digit code from your authenticator app.';
    case 'rate_limited':
      return 'Too many sign-in attempts. Wait a minute, then try again.';
    default:
      return error.message;
  }
}

export function LoginPage() {
  useDocumentTitle('Sign in · Trellis');
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const from = (useLocation().state as LoginRedirectState | null)?.from ?? '/';
  const [needsCode, setNeedsCode] = useState(false);
  const form = useForm({
    initialValues: { email: '', password: '', totp: '' },
    validate: {
      email: isNotEmpty('Enter your email.'),
      password: isNotEmpty('Enter your password.'),
    },
  });

  if (me.data) return <Navigate to={from} replace />;

  const submit = form.onSubmit(({ email, password, totp }) => {
    if (needsCode && !/^\d{6}$/.test(totp)) {
      form.setFieldError('totp', 'Enter the 6-digit code.');
      return;
    }
    login.mutate(
      { email, password, totp: needsCode ? totp : undefined },
      {
        onSuccess: () => void navigate(from, { replace: true }),
        onError: (error) => {
          if (hasCode(error, 'mfa_required')) setNeedsCode(true);
        },
      },
    );
  });

  const startOver = () => {
    setNeedsCode(false);
    form.setValues({ password: '', totp: '' });
    login.reset();
  };

  // mfa_required is the expected second step, not an error to show.
  const error = hasCode(login.error, 'mfa_required') ? null : login.error;

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              Sign in to Trellis
            </Title>
            <ErrorAlert error={error} message={loginErrorMessage(error)} />
            {needsCode ? (
              <>
                <Text>Enter the 6-digit code from your authenticator app.</Text>
                <TextInput
                  label="Authentication code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  required
                  autoFocus
                  {...form.getInputProps('totp')}
                />
                <Button type="submit" loading={login.isPending}>
                  Verify and sign in
                </Button>
                <Button variant="subtle" onClick={startOver}>
                  Use a different account
                </Button>
              </>
            ) : (
              <>
                <TextInput
                  label="Email"
                  type="email"
                  autoComplete="username"
                  required
                  autoFocus
                  {...form.getInputProps('email')}
                />
                <PasswordInput
                  label="Password"
                  autoComplete="current-password"
                  required
                  {...form.getInputProps('password')}
                />
                <Button type="submit" loading={login.isPending}>
                  Sign in
                </Button>
              </>
            )}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
