import {
  ActionIcon,
  Button,
  CopyButton,
  Group,
  Loader,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import { formatWhen } from '../patients/format.js';
import { useCalendarFeed, useCreateCalendarFeed, useDeleteCalendarFeed } from './scheduling-api.js';

/** A private calendar subscription link for the signed-in clinician's sessions. */
export function CalendarFeedSection() {
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const remove = useDeleteCalendarFeed();
  const [confirm, setConfirm] = useState<'replace' | 'off' | null>(null);
  const url = create.data?.url ?? null;
  const active = feed.data?.active ?? false;

  const createLink = () =>
    create.mutate(undefined, {
      onSuccess: () => setConfirm(null),
    });
  const turnOff = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        create.reset();
        setConfirm(null);
      },
    });

  return (
    <Section heading="Calendar feed">
      <Text>
        Subscribe to your sessions from your phone or calendar app. The feed shows patients by their initials
        only. Anyone with the link can read it, so keep it private; replacing the link stops the old one
        working.
      </Text>
      <ErrorAlert error={feed.error} />
      {feed.isLoading && <Loader size="sm" aria-label="Loading calendar feed" />}
      {feed.data && (
        <Stack gap="sm">
          <Text size="sm">
            {active
              ? `The feed is on${feed.data.createdAt ? `, link created ${formatWhen(feed.data.createdAt)}` : ''}.`
              : 'The feed is off.'}
          </Text>
          {url && (
            <Stack gap={4}>
              <Group align="flex-end" wrap="nowrap">
                <TextInput
                  label="Your calendar feed link"
                  description="Copy it now: it is shown only this once."
                  value={url}
                  readOnly
                  onFocus={(e) => e.currentTarget.select()}
                  style={{ flex: 1 }}
                />
                <CopyButton value={url}>
                  {({ copied, copy }) => (
                    <Tooltip label={copied ? 'Copied' : 'Copy'}>
                      <ActionIcon
                        size="lg"
                        variant="default"
                        onClick={copy}
                        aria-label={copied ? 'Link copied' : 'Copy calendar feed link'}
                      >
                        {copied ? '✓' : '⧉'}
                      </ActionIcon>
                    </Tooltip>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          )}
          <ErrorAlert error={create.error ?? remove.error} />
          <Group>
            {active ? (
              <>
                <Button variant="default" onClick={() => setConfirm('replace')}>
                  Replace link
                </Button>
                <Button variant="default" color="red" onClick={() => setConfirm('off')}>
                  Turn off feed
                </Button>
              </>
            ) : (
              <Button onClick={createLink} loading={create.isPending}>
                Create calendar feed link
              </Button>
            )}
          </Group>
        </Stack>
      )}
      <ConfirmDialog
        opened={confirm === 'replace'}
        title="Replace the calendar feed link?"
        message="The current link stops working at once; calendars subscribed to it need the new link."
        confirmLabel="Replace link"
        pending={create.isPending}
        error={create.error}
        onConfirm={createLink}
        onClose={() => setConfirm(null)}
      />
      <ConfirmDialog
        opened={confirm === 'off'}
        title="Turn off the calendar feed?"
        message="The link stops working and subscribed calendars no longer update."
        confirmLabel="Turn off feed"
        danger
        pending={remove.isPending}
        error={remove.error}
        onConfirm={turnOff}
        onClose={() => setConfirm(null)}
      />
    </Section>
  );
}
