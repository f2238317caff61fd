import { Badge, DataList, List, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import { useEngagement } from './attendance-api.js';
import { EngagementBadges } from './EngagementBadges.js';
import { DROPOUT_RISK_COLORS, describeRate } from './engagement-labels.js';

/** Attendance over the last 28 days and the dropout risk with the reasons behind it. */
export function EngagementSection({ patientId }: { patientId: string }) {
  const engagement = useEngagement(patientId);
  const e = engagement.data;
  return (
    <Section
      heading="Engagement"
      status={
        e && (
          <Badge color={DROPOUT_RISK_COLORS[e.dropoutRisk.level]} autoContrast>
            Dropout risk: {e.dropoutRisk.level}
          </Badge>
        )
      }
    >
      <ErrorAlert error={engagement.error} />
      {e && (
        <>
          <DataList labelWidth="14rem">
            <DataList.Item>
              <DataList.ItemLabel>Attended (last 28 days)</DataList.ItemLabel>
              <DataList.ItemValue>{describeRate(e.attendanceRate, e.recordedSessions)}</DataList.ItemValue>
            </DataList.Item>
          </DataList>
          {e.dropoutRisk.reasons.length > 0 ? (
            <List size="sm" aria-label="Why this dropout risk">
              {e.dropoutRisk.reasons.map((r) => (
                <List.Item key={r}>{r}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">No absences, shortfall or worsening scores recently.</Text>
          )}
          <EngagementBadges
            engagementRisk={e.engagementRisk}
            openSafetyAlert={e.openSafetyAlert}
            behindOnHours={e.behindOnHours}
            steppingDown={e.steppingDown}
          />
          <Text size="xs">
            Points from absences in the last 14 days, missed sessions in a row, hours short this week and
            reliably worsening scores. A prompt to reach out, not a diagnosis.
          </Text>
        </>
      )}
    </Section>
  );
}
