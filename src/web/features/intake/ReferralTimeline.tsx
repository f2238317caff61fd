import { Text, Timeline } from '@mantine/core';
import type { ReferralDetailDto } from '../../../contracts/intake.js';
import { Section } from '../../components/Section.js';
import { formatWhen } from '../patients/format.js';
import { STATUS_LABELS } from './labels.js';

/** Every stage change: from and to, who, when, and why for a closing. Newest first. */
export function ReferralTimeline({ referral }: { referral: ReferralDetailDto }) {
  const events = [...referral.events].sort((a, b) => Date.parse(b.changedAt) - Date.parse(a.changedAt));
  return (
    <Section heading="Timeline">
      {events.length === 0 ? (
        <Text size="sm">No stage changes yet.</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={events.length}>
          {events.map((event) => (
            <Timeline.Item
              key={`${event.changedAt}-${event.toStatus}`}
              title={
                event.fromStatus
                  ? `${STATUS_LABELS[event.fromStatus]} → ${STATUS_LABELS[event.toStatus]}`
                  : `Referral received (${STATUS_LABELS[event.toStatus]})`
              }
            >
              {event.reason && <Text size="sm">Reason: {event.reason}</Text>}
              {event.destination && <Text size="sm">Directed to: {event.destination}</Text>}
              <Text size="xs" c="dimmed">
                {event.changedBy ?? 'Unknown'} · {formatWhen(event.changedAt)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Section>
  );
}
