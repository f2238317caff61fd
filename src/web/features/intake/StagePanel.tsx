import { Badge, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ReferralDetailDto, ReferralStatus } from '../../../contracts/intake.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { Section } from '../../components/Section.js';
import { elapsed } from '../patients/format.js';
import { useChangeReferralStatus } from './intake-api.js';
import { STATUS_LABELS } from './labels.js';
import { allowedMoves, PIPELINE, type ClosingStatus } from './pipeline.js';

const CLOSE_LABELS: Record<ClosingStatus, { button: string; title: string; destination: string }> = {
  declined: {
    button: 'Decline…',
    title: 'Decline the referral',
    destination: 'Where the person was directed instead',
  },
  referred_elsewhere: {
    button: 'Refer elsewhere…',
    title: 'Refer the person elsewhere',
    destination: 'Program or provider referred to',
  },
};

/** Where the referral is in the pipeline, and the moves open from here. */
export function StagePanel({ referral }: { referral: ReferralDetailDto }) {
  const change = useChangeReferralStatus(referral.id);
  const [closing, setClosing] = useState<ClosingStatus | null>(null);
  const moves = allowedMoves(referral.status);

  const move = (status: ReferralStatus) =>
    change.mutate(
      { status },
      {
        onSuccess: () =>
          notifications.show({ color: 'green', message: `Moved to ${STATUS_LABELS[status]}.` }),
      },
    );

  return (
    <Section
      heading="Stage"
      status={
        <Badge size="lg" variant="filled">
          {STATUS_LABELS[referral.status]}
        </Badge>
      }
    >
      <Group
        component="ol"
        gap={6}
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label="Intake stages"
      >
        {PIPELINE.map((stage) => {
          const current = stage === referral.status;
          return (
            <li key={stage} aria-current={current ? 'step' : undefined}>
              <Badge
                variant={current ? 'filled' : 'outline'}
                color={current ? undefined : 'gray.7'}
                tt="none"
              >
                {STATUS_LABELS[stage]}
              </Badge>
            </li>
          );
        })}
      </Group>
      <Text size="sm">
        In this stage for {elapsed(referral.statusChangedAt)}.
        {referral.status === 'accepted' && ' On the waitlist: admission is scheduled from the episode.'}
      </Text>
      {(referral.status === 'declined' || referral.status === 'referred_elsewhere') && (
        <Text size="sm">
          Reason: {referral.closedReason ?? '—'} · Directed to: {referral.destination ?? '—'}
        </Text>
      )}
      {(moves.next || moves.back || moves.canClose) && (
        <Group>
          {moves.next && (
            <Button
              loading={change.isPending && change.variables.status === moves.next}
              onClick={() => move(moves.next!)}
            >
              Move to {STATUS_LABELS[moves.next]}
            </Button>
          )}
          {moves.back && (
            <Button variant="default" onClick={() => move(moves.back!)} disabled={change.isPending}>
              Back to {STATUS_LABELS[moves.back]}
            </Button>
          )}
          {moves.canClose && (
            <>
              <Button variant="outline" color="red.9" onClick={() => setClosing('declined')}>
                {CLOSE_LABELS.declined.button}
              </Button>
              <Button variant="outline" color="gray.8" onClick={() => setClosing('referred_elsewhere')}>
                {CLOSE_LABELS.referred_elsewhere.button}
              </Button>
            </>
          )}
        </Group>
      )}
      {!closing && <ErrorAlert error={change.error} />}
      {closing && <CloseDialog referral={referral} status={closing} onClose={() => setClosing(null)} />}
    </Section>
  );
}

function CloseDialog({
  referral,
  status,
  onClose,
}: {
  referral: ReferralDetailDto;
  status: ClosingStatus;
  onClose: () => void;
}) {
  const change = useChangeReferralStatus(referral.id);
  const labels = CLOSE_LABELS[status];
  const form = useForm({
    initialValues: { reason: '', destination: '' },
    validate: {
      reason: (value) => (value.trim() ? null : 'Give the reason.'),
      destination: (value) => (value.trim() ? null : 'Say where the person was directed.'),
    },
  });

  const submit = form.onSubmit(({ reason, destination }) =>
    change.mutate(
      { status, reason: reason.trim(), destination: destination.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `Referral ${STATUS_LABELS[status].toLowerCase()}.` });
          onClose();
        },
        onError: (error) => form.setErrors(serverFieldErrors(error)),
      },
    ),
  );

  return (
    <Modal opened onClose={onClose} title={labels.title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea
            label="Reason"
            required
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <TextInput label={labels.destination} required {...form.getInputProps('destination')} />
          <ErrorAlert error={change.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              color={status === 'declined' ? 'red.9' : undefined}
              loading={change.isPending}
            >
              {status === 'declined' ? 'Decline referral' : 'Refer elsewhere'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
