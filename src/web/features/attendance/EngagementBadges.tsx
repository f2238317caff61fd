import { Badge, Group } from '@mantine/core';
import type { DropoutRiskDto } from '../../../contracts/attendance.js';
import { DROPOUT_RISK_COLORS } from './engagement-labels.js';

interface EngagementBadgesProps {
  /** Left out where the risk is shown on its own. */
  dropoutRisk?: DropoutRiskDto;
  engagementRisk: boolean;
  openSafetyAlert: boolean;
  behindOnHours?: boolean;
  steppingDown?: boolean;
}

/** What needs attention about a patient, most urgent first; a low dropout risk shows nothing. */
export function EngagementBadges(p: EngagementBadgesProps) {
  return (
    <Group gap={4}>
      {p.openSafetyAlert && <Badge color="red.9">Open safety alert</Badge>}
      {p.dropoutRisk && p.dropoutRisk.level !== 'low' && (
        <Badge
          color={DROPOUT_RISK_COLORS[p.dropoutRisk.level]}
          autoContrast
          title={p.dropoutRisk.reasons.join('; ')}
        >
          Dropout risk: {p.dropoutRisk.level}
        </Badge>
      )}
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
  );
}
