import { Badge } from '@mantine/core';

/** Whether a person has multi-factor authentication; the surrounding heading or column names it. */
export function MfaBadge({ on }: { on: boolean }) {
  return (
    <Badge color={on ? 'indigo' : 'gray'} variant="light">
      {on ? 'On' : 'Off'}
    </Badge>
  );
}
