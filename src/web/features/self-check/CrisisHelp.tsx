import { Box, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import type { Ref } from 'react';

export const CRISIS_HELP_ID = 'crisis-help';

interface CrisisHelpProps {
  /** true: the person said yes to thoughts of ending their life or hurting themselves right now. */
  now: boolean;
  ref?: Ref<HTMLDivElement>;
  /** Takes the person back to the question they were answering. */
  onContinue: () => void;
}

/**
 * Crisis help, shown first on the page the moment an answer calls for it: announced at once
 * (role="alert"), focusable, dark text on a light background inside a thick red border.
 */
export function CrisisHelp({ now, ref, onContinue }: CrisisHelpProps) {
  return (
    <Box
      ref={ref}
      id={CRISIS_HELP_ID}
      role="alert"
      tabIndex={-1}
      p="lg"
      bg="white"
      c="dark.9"
      style={{ border: '4px solid var(--mantine-color-red-9)', borderRadius: 'var(--mantine-radius-md)' }}
    >
      <Stack gap="sm">
        <Title order={2} size="h3" c="red.9">
          {now ? 'Please reach out for help right now' : 'Help is here if you need it'}
        </Title>
        <Text fw={700} size="lg">
          If you are in danger now, call 911.
        </Text>
        <List spacing="xs">
          <List.Item>
            <strong>988 Suicide &amp; Crisis Lifeline:</strong> call or text 988. It is free, private, and
            open 24 hours a day, every day.
          </List.Item>
          <List.Item>
            <strong>Emergency:</strong> call 911 or go to the nearest emergency department.
          </List.Item>
        </List>
        <Group gap="sm">
          <Button component="a" href="tel:988" color="red.9" size="md">
            Call 988
          </Button>
          <Button component="a" href="sms:988" color="red.9" variant="outline" size="md" bg="white">
            Text 988
          </Button>
          <Button component="a" href="tel:911" color="red.9" variant="outline" size="md" bg="white">
            Call 911
          </Button>
        </Group>
        <Text>
          {now
            ? 'You are not alone, and you do not have to wait. Talking to someone now can help.'
            : 'You told us you have had thoughts of being better off dead or of hurting yourself. You do not have to wait to talk to someone.'}
        </Text>
        <Button variant="subtle" color="dark" onClick={onContinue} style={{ alignSelf: 'flex-start' }}>
          Keep going with the questions
        </Button>
      </Stack>
    </Box>
  );
}
