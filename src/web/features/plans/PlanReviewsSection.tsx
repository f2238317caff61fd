import { Anchor, Loader, Table } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import { formatDate } from '../patients/format.js';
import { ReviewStatusBadge } from './PlanBadges.js';
import { sortReviewsDue } from './plan-draft.js';
import { useReviewsDue } from './plans-api.js';

/** Today's "Treatment plan reviews": overdue first, then due this week, then patients without a plan. */
export function PlanReviewsSection() {
  const reviews = useReviewsDue(true);
  if (reviews.error) {
    return (
      <Section heading="Treatment plan reviews">
        <ErrorAlert error={reviews.error} />
      </Section>
    );
  }
  if (reviews.isLoading) return <Loader size="sm" aria-label="Loading treatment plan reviews" />;
  const items = sortReviewsDue(reviews.data?.items ?? []);
  if (items.length === 0) return null;
  return (
    <Section heading="Treatment plan reviews">
      <Table.ScrollContainer minWidth={420}>
        <Table aria-label="Treatment plan reviews" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Patient</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.episodeId}>
                <Table.Td>
                  <Anchor component={Link} to={`/patients/${item.patientId}/treatment-plan`} size="sm">
                    {item.patientName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <ReviewStatusBadge status={item.status} />
                </Table.Td>
                <Table.Td>{item.dueOn ? formatDate(item.dueOn) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}
