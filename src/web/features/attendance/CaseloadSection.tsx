import { Anchor, Badge, Group, Loader, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import { useCaseload } from './attendance-api.js';

/** The clinician's patients this week, those needing attention first. */
export function CaseloadSection() {
  const caseload = useCaseload();
  const items = [...(caseload.data?.items ?? [])].sort(
    (a, b) =>
      Number(b.openSafetyAlert) - Number(a.openSafetyAlert) ||
      Number(b.engagementRisk) - Number(a.engagementRisk) ||
      Number(b.behindOnHours) - Number(a.behindOnHours),
  );
  return (
    <Section heading="Your patients this week">
      <ErrorAlert error={caseload.error} />
      {caseload.isLoading && <Loader size="sm" aria-label="Loading your patients" />}
      {caseload.data && items.length === 0 && <Text size="sm">No active patients.</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label="Your patients this week">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Patient</Table.Th>
                <Table.Th>Track</Table.Th>
                <Table.Th>Hours (attended + still scheduled / minimum)</Table.Th>
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
                  <Table.Td>
                    <Group gap={4}>
                      {p.openSafetyAlert && <Badge color="red.9">Open safety alert</Badge>}
                      {p.engagementRisk && (
                        <Badge color="orange.3" autoContrast>
                          Engagement risk
                        </Badge>
                      )}
                      {p.behindOnHours && (
                        <Badge color="yellow.4" autoContrast>
                          Behind on hours
                        </Badge>
                      )}
                      {p.steppingDown && <Badge variant="outline">Stepping down</Badge>}
                    </Group>
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
