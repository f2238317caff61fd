import { Alert, Button, Checkbox, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { ApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { useRequestCallback, type CallbackRequest } from './self-check-api.js';

function callbackErrorMessage(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'rate_limited') {
    return 'We got several requests from you in a short time. Please try again later.';
  }
  if (error.status === 400) return 'Please check the form. Some answers need fixing.';
  return error.message;
}

function phoneProblem(value: string): string | null {
  if (!value.trim()) return 'Enter your phone number.';
  const digits = value.replace(/\D/g, '').length;
  if (!/^[\d\s()+.-]+$/.test(value.trim()) || digits < 7 || digits > 15) {
    return 'Enter a phone number we can call, with the area code.';
  }
  return null;
}

/** An optional request for a call back: only what the person types here is sent. */
export function CallbackForm({ organizationName }: { organizationName: string }) {
  const request = useRequestCallback();
  const doneRef = useRef<HTMLDivElement>(null);
  const form = useForm({
    initialValues: {
      givenName: '',
      familyName: '',
      phone: '',
      email: '',
      bestTime: '',
      consentToContact: false,
    },
    validate: {
      givenName: isNotEmpty('Enter your first name.'),
      familyName: isNotEmpty('Enter your last name.'),
      phone: phoneProblem,
      email: (value) =>
        value.trim() === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
          ? null
          : 'Enter an email address like name@example.com, or leave it empty.',
      consentToContact: (value) => (value ? null : 'Check this box so we may call you.'),
    },
  });

  useEffect(() => {
    if (request.isSuccess) doneRef.current?.focus();
  }, [request.isSuccess]);

  const submit = form.onSubmit((values) => {
    const body: CallbackRequest = {
      givenName: values.givenName.trim(),
      familyName: values.familyName.trim(),
      phone: values.phone.trim(),
      consentToContact: true,
    };
    if (values.email.trim()) body.email = values.email.trim();
    if (values.bestTime.trim()) body.bestTime = values.bestTime.trim();
    request.mutate(body, { onError: (error) => form.setErrors(serverFieldErrors(error)) });
  });

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="self-check-callback-heading">
      <Stack>
        <Title order={2} size="h3" id="self-check-callback-heading">
          Ask us to call you
        </Title>
        {request.isSuccess ? (
          <Alert
            ref={doneRef}
            tabIndex={-1}
            color="green"
            variant="light"
            role="status"
            title="Thank you"
            // The light variant's green title is under 4.5:1 on its pale green background; use body text.
            styles={{ title: { color: 'var(--mantine-color-text)' } }}
          >
            We got your request. Someone from {organizationName} will call you. If you need help before then,
            call or text 988.
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <Text>
                Someone from {organizationName} can call you to talk about your options. This is optional.
              </Text>
              <Text>
                We only send what you type in this form. Your answers to the questions above are not saved or
                sent anywhere.
              </Text>
              <TextInput
                label="First name"
                autoComplete="given-name"
                maxLength={100}
                required
                {...form.getInputProps('givenName')}
              />
              <TextInput
                label="Last name"
                autoComplete="family-name"
                maxLength={100}
                required
                {...form.getInputProps('familyName')}
              />
              <TextInput
                label="Phone number"
                type="tel"
                autoComplete="tel"
                maxLength={25}
                required
                {...form.getInputProps('phone')}
              />
              <TextInput
                label="Email (optional)"
                type="email"
                autoComplete="email"
                maxLength={254}
                {...form.getInputProps('email')}
              />
              <TextInput
                label="Best time to call (optional)"
                description="For example: weekday mornings, or after 5 pm"
                maxLength={200}
                {...form.getInputProps('bestTime')}
              />
              <Checkbox
                label="You may contact me about this request"
                required
                {...form.getInputProps('consentToContact', { type: 'checkbox' })}
              />
              <ErrorAlert error={request.error} message={callbackErrorMessage(request.error)} />
              <Button type="submit" loading={request.isPending} style={{ alignSelf: 'flex-start' }}>
                Ask us to call me
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
