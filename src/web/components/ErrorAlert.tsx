import { Alert } from '@mantine/core';
import { ApiError } from '../app/api.js';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  /** Overrides the server's message, e.g. to phrase an error for its screen. */
  message?: string;
}

/** Why a request failed, announced to screen readers. Renders nothing without an error. */
export function ErrorAlert({ error, title, message }: ErrorAlertProps) {
  if (!error) return null;
  const text =
    message ??
    (error instanceof ApiError ? error.message : 'Something went wrong. Try again, or reload the page.');
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      {text}
    </Alert>
  );
}
