import { Button, Center, Loader, Stack } from '@mantine/core';
import { ErrorAlert } from './ErrorAlert.js';

/** A loading indicator for a whole screen, or the error that stopped it loading. */
export function FullPageStatus({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Center mih="100vh" p="md">
      {error ? (
        <Stack maw={420}>
          <ErrorAlert error={error} title="Trellis could not load" />
          <Button onClick={onRetry}>Try again</Button>
        </Stack>
      ) : (
        <Loader aria-label="Loading" />
      )}
    </Center>
  );
}
