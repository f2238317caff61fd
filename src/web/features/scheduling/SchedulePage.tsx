import { Button, Group, Loader, SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSignedInMe } from '../../app/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { CalendarGrid } from './CalendarGrid.js';
import { CalendarScopePicker, type PickableScope } from './CalendarScopePicker.js';
import { defaultScope, isPickableScope, step, visibleRange, type CalendarView } from './calendar-view.js';
import { formatDay, formatWeekRange, isDate, weekStart } from './dates.js';
import { useCalendar, useLocations, usePrograms } from './scheduling-api.js';
import { SessionDrawer } from './SessionDrawer.js';
import { useClinicToday } from './use-today.js';

/** /schedule: a week or day of sessions for a clinician, room, program or track. */
export function SchedulePage() {
  const me = useSignedInMe();
  const today = useClinicToday();
  const [params, setParams] = useSearchParams();
  const programs = usePrograms();
  const locations = useLocations();
  const [openId, setOpenId] = useState<string | null>(null);

  const view: CalendarView = params.get('view') === 'day' ? 'day' : 'week';
  const dateParam = params.get('date') ?? '';
  const date = isDate(dateParam) ? dateParam : today;
  const scopeParam = params.get('scope');
  const scope: PickableScope = isPickableScope(scopeParam) ? scopeParam : defaultScope(me.roles);
  const idParam = params.get('id');
  const defaultId =
    scopeParam === null ? (scope === 'clinician' ? me.user.id : (programs.data?.[0]?.id ?? null)) : null;
  const id = idParam ?? defaultId;
  const locationId = params.get('location') ?? locations.data?.[0]?.id ?? null;

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  const range = visibleRange(view, date);
  const calendar = useCalendar(id ? { scope, id, ...range } : null);

  return (
    <Page
      title="Schedule"
      actions={
        <Group>
          <Button component={Link} to="/schedule/appointments/new">
            Book appointment
          </Button>
          <Button component={Link} to="/schedule/group-sessions/new" variant="default">
            Add group session
          </Button>
          <Button component={Link} to="/schedule/closures" variant="default">
            Closures
          </Button>
        </Group>
      }
    >
      <CalendarScopePicker
        scope={scope}
        id={id}
        locationId={locationId}
        onChange={(next) => update({ scope: next.scope, id: next.id })}
        onLocationChange={(location) => update({ location, id: null, scope })}
      />
      <Group justify="space-between">
        <Group gap="xs">
          <Button variant="default" onClick={() => update({ date: step(view, date, -1) })}>
            {view === 'day' ? 'Previous day' : 'Previous week'}
          </Button>
          <Button variant="default" onClick={() => update({ date: null })} disabled={date === today}>
            Today
          </Button>
          <Button variant="default" onClick={() => update({ date: step(view, date, 1) })}>
            {view === 'day' ? 'Next day' : 'Next week'}
          </Button>
          <Text fw={600} aria-live="polite">
            {view === 'day' ? formatDay(date) : formatWeekRange(weekStart(date))}
          </Text>
        </Group>
        <Group gap="xs" align="center">
          <Text size="sm" id="calendar-view-label">
            View
          </Text>
          <SegmentedControl
            role="radiogroup"
            aria-labelledby="calendar-view-label"
            value={view}
            onChange={(value) => update({ view: value === 'day' ? 'day' : null })}
            data={[
              { value: 'week', label: 'Week' },
              { value: 'day', label: 'Day' },
            ]}
          />
        </Group>
      </Group>
      {calendar.data && calendar.data.timeZone && (
        <Text size="xs" c="dimmed">
          Times are clinic time ({calendar.data.timeZone}).
        </Text>
      )}
      <ErrorAlert error={calendar.error} />
      {!id && <Text>Choose whose calendar to show.</Text>}
      {id && calendar.isLoading && <Loader aria-label="Loading calendar" />}
      {id && calendar.data && (
        <CalendarGrid
          from={range.from}
          days={view === 'day' ? 1 : 7}
          sessions={calendar.data.sessions}
          today={today}
          onOpen={setOpenId}
        />
      )}
      <SessionDrawer id={openId} onClose={() => setOpenId(null)} />
    </Page>
  );
}
