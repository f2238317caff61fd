import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ReferralDto } from '../../../contracts/intake.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { Section } from '../../components/Section.js';
import { elapsed, formatWhen, patientName } from '../patients/format.js';
import classes from './IntakeBoard.module.css';
import { useClosedReferrals, useOpenReferrals } from './intake-api.js';
import { SOURCE_LABELS, STATUS_LABELS } from './labels.js';
import { groupByStage, PIPELINE, type PipelineStage } from './pipeline.js';
import { UrgencyBadge } from './UrgencyBadge.js';

const STAGE_HEADINGS: Record<PipelineStage, string> = {
  new: 'New',
  contacted: 'Contacted',
  screening: 'Screening',
  assessed: 'Assessed',
  accepted: 'Accepted (waitlist)',
};

export function IntakeBoardPage() {
  const open = useOpenReferrals();
  const [showClosed, setShowClosed] = useState(false);
  const groups = groupByStage(open.data ?? []);

  return (
    <Page
      title="Intake"
      actions={
        <Button component={Link} to="/intake/new">
          New referral
        </Button>
      }
    >
      <Group justify="space-between">
        <Text>
          Open referrals by stage, most urgent first, then the longest waiting.
          {open.data && ` ${open.data.length} open.`}
        </Text>
        {open.isFetching && <Loader size="sm" aria-label="Loading referrals" />}
      </Group>
      <ErrorAlert error={open.error} />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3, xl: 5 }} spacing="sm">
        {PIPELINE.map((stage) => (
          <StageColumn key={stage} stage={stage} referrals={groups[stage]} loaded={!!open.data} />
        ))}
      </SimpleGrid>
      <Switch
        label="Show closed referrals (declined or referred elsewhere)"
        checked={showClosed}
        onChange={(e) => setShowClosed(e.currentTarget.checked)}
      />
      {showClosed && <ClosedReferrals />}
    </Page>
  );
}

function StageColumn({
  stage,
  referrals,
  loaded,
}: {
  stage: PipelineStage;
  referrals: ReferralDto[];
  loaded: boolean;
}) {
  const headingId = `stage-${stage}`;
  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id={headingId}>
            {STAGE_HEADINGS[stage]}
          </Title>
          <Badge variant="light" color="gray" aria-label={`${referrals.length} referrals`}>
            {referrals.length}
          </Badge>
        </Group>
        {loaded && referrals.length === 0 && (
          <Text size="sm" c="dimmed">
            None
          </Text>
        )}
        <ul className={classes.list}>
          {referrals.map((referral) => (
            <li key={referral.id}>
              <ReferralCard referral={referral} />
            </li>
          ))}
        </ul>
      </Stack>
    </Paper>
  );
}

function ReferralCard({ referral }: { referral: ReferralDto }) {
  const urgencyClass =
    referral.urgency === 'emergent' ? classes.emergent : referral.urgency === 'urgent' ? classes.urgent : '';
  return (
    <Paper
      component={Link}
      to={`/referrals/${referral.id}`}
      withBorder
      p="xs"
      radius="sm"
      className={`${classes.card} ${urgencyClass}`}
    >
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {patientName(referral.patient)}
        </Text>
        <Group gap="xs">
          <UrgencyBadge urgency={referral.urgency} />
          <Text size="sm">{SOURCE_LABELS[referral.source]}</Text>
        </Group>
        <Text size="sm" c="dimmed">
          {inStage(referral.statusChangedAt)}
        </Text>
      </Stack>
    </Paper>
  );
}

/** "3 days in stage". */
function inStage(since: string): string {
  const time = elapsed(since);
  return time === 'less than a minute' ? 'Moved here just now' : `${time} in stage`;
}

function ClosedReferrals() {
  const closed = useClosedReferrals(true);
  return (
    <Section heading="Closed referrals">
      <ErrorAlert error={closed.error} />
      {closed.isLoading && <Loader size="sm" aria-label="Loading closed referrals" />}
      {closed.data?.length === 0 && <Text>No closed referrals.</Text>}
      {!!closed.data?.length && (
        <Table.ScrollContainer minWidth={700}>
          <Table striped aria-label="Closed referrals">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Patient</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Directed to</Table.Th>
                <Table.Th>Closed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {closed.data.map((referral) => (
                <Table.Tr key={referral.id}>
                  <Table.Td>
                    <Anchor size="sm" component={Link} to={`/referrals/${referral.id}`}>
                      {patientName(referral.patient)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{STATUS_LABELS[referral.status]}</Table.Td>
                  <Table.Td>{referral.closedReason ?? '—'}</Table.Td>
                  <Table.Td>{referral.destination ?? '—'}</Table.Td>
                  <Table.Td>{formatWhen(referral.statusChangedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
