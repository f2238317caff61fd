import { Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { ReferralDetailDto } from '../../../contracts/intake.js';
import { formatWhen } from '../patients/format.js';
import { LEVEL_SHORT_LABELS } from './level-of-care-form.js';

type Decision = ReferralDetailDto['decisions'][number];

/** The ASAM record, when a decision has one in the expected shape. */
function asamText(asam: unknown): string | null {
  if (typeof asam !== 'object' || asam === null) return null;
  const { level, edition, dimensionRatings } = asam as Record<string, unknown>;
  if (typeof level !== 'string') return null;
  const ratings = Array.isArray(dimensionRatings)
    ? ` · dimension ratings 1–6: ${dimensionRatings.map(String).join(', ')}`
    : '';
  const ed = typeof edition === 'string' ? ` (edition ${edition})` : '';
  return `ASAM level ${level}${ed}${ratings}`;
}

/** Saved level-of-care decisions, newest first, each with its reasons and ruleset version. */
export function LevelOfCareDecisions({ decisions }: { decisions: Decision[] }) {
  const sorted = [...decisions].sort((a, b) => Date.parse(b.decidedAt) - Date.parse(a.decidedAt));
  return (
    <Stack
      gap="sm"
      component="ul"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
      aria-label="Saved decisions"
    >
      {sorted.map((decision) => {
        const overridden = decision.chosenLevel !== decision.recommendedLevel;
        const asam = asamText(decision.asam);
        return (
          <Paper key={decision.id} component="li" withBorder p="sm">
            <Stack gap={6}>
              <Group gap="sm">
                <Text fw={700}>Chosen: {LEVEL_SHORT_LABELS[decision.chosenLevel]}</Text>
                {overridden ? (
                  <Badge color="yellow.4" autoContrast>
                    Override
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light">
                    As recommended
                  </Badge>
                )}
                {decision.crisis && <Badge color="red.9">Crisis</Badge>}
              </Group>
              <Text size="sm">Recommended: {LEVEL_SHORT_LABELS[decision.recommendedLevel]}</Text>
              {decision.overrideJustification && (
                <Text size="sm">Why a different level: {decision.overrideJustification}</Text>
              )}
              <List size="sm" spacing={2}>
                {decision.reasons.map((reason) => (
                  <List.Item key={reason.code}>{reason.text}</List.Item>
                ))}
              </List>
              {asam && <Text size="sm">{asam}</Text>}
              <Text size="xs" c="dimmed">
                Ruleset {decision.rulesetVersion} · {decision.decidedBy ?? 'Unknown'} ·{' '}
                {formatWhen(decision.decidedAt)}
              </Text>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
