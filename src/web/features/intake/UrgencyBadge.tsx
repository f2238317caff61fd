import { Badge } from '@mantine/core';
import { URGENCY_LABELS, type Urgency } from './labels.js';

/** Emergent and urgent stand out (solid red, solid yellow); routine stays quiet. Text, not colour alone. */
export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  switch (urgency) {
    case 'emergent':
      return (
        <Badge color="red.9" variant="filled">
          {URGENCY_LABELS.emergent}
        </Badge>
      );
    case 'urgent':
      return (
        <Badge color="yellow.4" variant="filled" autoContrast>
          {URGENCY_LABELS.urgent}
        </Badge>
      );
    case 'routine':
      return (
        <Badge color="gray" variant="light">
          {URGENCY_LABELS.routine}
        </Badge>
      );
  }
}
