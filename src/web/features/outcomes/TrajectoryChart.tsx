import { Badge, Box, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TrajectoryDto } from '../../../contracts/outcomes.js';
import { describeChange, flagBadges, LINE_COLOR, toChartModel, type FlagTone } from './chart-data.js';

const TONE_PROPS: Record<FlagTone, { color: string; variant: 'filled' | 'light' | 'outline' }> = {
  better: { color: 'teal.9', variant: 'light' },
  worse: { color: 'red.9', variant: 'filled' },
  attention: { color: 'orange.3', variant: 'filled' },
};

// Grey 7 on white is 8:1; the tick labels sit outside the shaded plot area.
const AXIS_TEXT = { fill: '#495057', fontSize: 12 };

/**
 * One instrument's totals over the episode: a line over clinic-local dates on the instrument's
 * severity bands, the outcome flags with their reasons, and the same points as a table on request.
 */
export function TrajectoryChart({ trajectory }: { trajectory: TrajectoryDto }) {
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const model = toChartModel(trajectory);
  const badges = flagBadges(trajectory.flags);
  const change = describeChange(trajectory.flags);
  const name = `${trajectory.shortName} over this episode`;
  const labelOf = (key: unknown) => model.points.find((p) => p.key === key)?.label ?? '';

  return (
    <Box component="figure" aria-label={name} m={0}>
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={3} size="h4">
            {trajectory.shortName}
          </Title>
          <Text size="sm">{trajectory.name}</Text>
        </Group>
        {(badges.length > 0 || change) && (
          <Group gap="xs">
            {badges.map((badge) => (
              <Badge key={badge.label} {...TONE_PROPS[badge.tone]} autoContrast>
                {badge.label}
              </Badge>
            ))}
            {change && <Text size="sm">{change}</Text>}
          </Group>
        )}
        {trajectory.reasons.length > 0 && (
          <List size="sm" spacing={2} aria-label={`Why: ${trajectory.shortName}`}>
            {trajectory.reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        )}
        {model.points.length === 0 ? (
          <Text size="sm">No scores in this episode yet.</Text>
        ) : (
          <Box h={260} w="100%">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart
                data={model.points}
                margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
                title={`${trajectory.shortName} totals by date`}
              >
                {model.bands.map((band) => (
                  <ReferenceArea
                    key={band.severity}
                    y1={band.y1}
                    y2={band.y2}
                    fill={band.fill}
                    fillOpacity={1}
                    stroke="none"
                    ifOverflow="hidden"
                  />
                ))}
                <CartesianGrid stroke="#adb5bd" strokeDasharray="2 4" vertical={false} />
                <XAxis dataKey="key" tickFormatter={labelOf} tick={AXIS_TEXT} stroke="#495057" />
                <YAxis
                  domain={[0, model.yMax]}
                  allowDecimals={false}
                  width={40}
                  tick={AXIS_TEXT}
                  stroke="#495057"
                />
                <Tooltip
                  labelFormatter={labelOf}
                  formatter={(value, _name, item) => {
                    const severity = (item.payload as { severity?: string } | undefined)?.severity;
                    return [
                      `${String(value)}${severity && severity !== '—' ? ` (${severity})` : ''}`,
                      'Total',
                    ];
                  }}
                />
                <Line
                  type="linear"
                  dataKey="total"
                  name="Total"
                  stroke={LINE_COLOR}
                  strokeWidth={2}
                  dot={{ r: 4, fill: LINE_COLOR, stroke: LINE_COLOR }}
                  activeDot={{ r: 6 }}
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </Box>
        )}
        {model.bands.length > 0 && (
          <Group gap="md" component="ul" aria-label={`${trajectory.shortName} severity bands`} p={0} m={0}>
            {model.bands.map((band) => (
              <Group key={band.severity} gap={6} component="li" style={{ listStyle: 'none' }} wrap="nowrap">
                <Box
                  aria-hidden
                  w={14}
                  h={14}
                  style={{ background: band.fill, border: '1px solid #495057', borderRadius: 2 }}
                />
                <Text size="sm">
                  {band.label} {band.range}
                </Text>
              </Group>
            ))}
          </Group>
        )}
        {model.points.length > 0 && (
          <>
            <Button
              variant="default"
              size="compact-sm"
              onClick={() => setShowTable((v) => !v)}
              aria-expanded={showTable}
              aria-controls={tableId}
              style={{ alignSelf: 'flex-start' }}
            >
              {showTable ? 'Hide table' : 'Show as table'}
            </Button>
            <div id={tableId}>
              {showTable && (
                <Table.ScrollContainer minWidth={420}>
                  <Table striped verticalSpacing={4}>
                    <Table.Caption>{trajectory.shortName} scores in this episode</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Date</Table.Th>
                        <Table.Th scope="col">Total</Table.Th>
                        <Table.Th scope="col">Severity</Table.Th>
                        <Table.Th scope="col">How given</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {model.points.map((p) => (
                        <Table.Tr key={p.key}>
                          <Table.Td>{p.label}</Table.Td>
                          <Table.Td>{p.total}</Table.Td>
                          <Table.Td>{p.severity}</Table.Td>
                          <Table.Td>{p.method}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </div>
          </>
        )}
      </Stack>
    </Box>
  );
}
