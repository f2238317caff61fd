import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { TodayDto } from '../../../contracts/attendance.js';
import { Section } from '../../components/Section.js';
import { EngagementBadges } from './EngagementBadges.js';
import { describeRate } from './engagement-labels.js';

const RISK_ORDER = { high: 2, moderate: 1, low: 0 } as const;

/** The clinician's patients this week, those needing attention first. */
export function CaseloadSection({ caseload }: { caseload: TodayDto['caseload'] }) {
  const items = [...caseload].sort(
    (a, b) =>
      Number(b.openSafetyAlert) - Number(a.openSafetyAlert) ||
      RISK_ORDER[b.dropoutRisk.level] - RISK_ORDER[a.dropoutRisk.level] ||
      Number(b.engagementRisk) - Number(a.engagementRisk) ||
      Number(b.behindOnHours) - Number(a.behindOnHours),
  );
  return (
    <Section heading="Your patients this week">
      {items.length === 0 && <Text size="sm">No active patients.</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label="Your patients this week">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Patient</Table.Th>
                <Table.Th>Track</Table.Th>
                <Table.Th>Hours (attended + still scheduled / minimum)</Table.Th>
                <Table.Th>Attended (28 days)</Table.Th>
                <Table.Th>Needs attention</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.episodeId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/patients/${p.patientId}`} size="sm">
                      {p.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.track}</Table.Td>
                  <Table.Td>
                    {p.attendedHours} + {p.remainingHours} / {p.minimumHours}
                  </Table.Td>
                  <Table.Td>{describeRate(p.attendanceRate, p.recordedSessions)}</Table.Td>
                  <Table.Td>
                    <EngagementBadges {...p} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
