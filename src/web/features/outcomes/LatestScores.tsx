import { Group, Text } from '@mantine/core';
import type { LatestScoreDto } from '../../../contracts/outcomes.js';
import { describeScore } from './score-change.js';

/**
 * A roster row's latest scores, compact: "PHQ-9 14 ↓3", read out as "PHQ-9 14, down 3 since last
 * time". Neutral colour: the words say which way it moved. Nothing when there are no scores.
 */
export function LatestScores({ scores }: { scores: readonly LatestScoreDto[] }) {
  if (scores.length === 0) return null;
  return (
    <Group gap="sm" wrap="nowrap">
      {scores.map((score) => {
        const { text, label } = describeScore(score);
        return (
          <Text
            key={score.instrumentId}
            component="span"
            size="sm"
            role="img"
            aria-label={label}
            title={label}
          >
            {text}
          </Text>
        );
      })}
    </Group>
  );
}
