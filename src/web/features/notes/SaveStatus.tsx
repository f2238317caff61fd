import { Text } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { saveStatusText, type SaveState } from './autosave.js';

/** The autosave indicator, announced politely, and the reason a save failed. */
export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <>
      <Text size="sm" role="status" aria-live="polite" mih="1.5em">
        {saveStatusText(state)}
      </Text>
      {state.status === 'failed' && (
        <ErrorAlert error={state.error} title="Your last changes are not saved" />
      )}
    </>
  );
}
