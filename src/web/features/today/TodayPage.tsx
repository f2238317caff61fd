import { Button, DataList, Loader, Text } from '@mantine/core';
import { Link } from 'react-router';
import { INTAKE_ROLES, LICENSED_ROLES, primaryRole, ROLE_LABELS } from '../../../domain/identity/roles.js';
import { useSignedInMe } from '../../app/auth.js';
import { formatTime } from '../../components/format.js';
import { Page } from '../../components/Page.js';
import { Section } from '../../components/Section.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { CaseloadSection } from '../attendance/CaseloadSection.js';
import { useToday } from '../attendance/attendance-api.js';
import { MfaBadge } from '../identity/MfaBadge.js';
import { NotesQueueSection } from '../notes/NotesQueueSection.js';
import { PlanReviewsSection } from '../plans/PlanReviewsSection.js';
import { TaskList } from '../safety/TaskList.js';
import { TodaySessions } from './TodaySessions.js';
import { StaffSummary } from './StaffSummary.js';
import { greeting } from './greeting.js';

export function TodayPage() {
  const me = useSignedInMe();
  const role = primaryRole(me.roles);
  const clinical = me.roles.some((r) => INTAKE_ROLES.includes(r));
  const licensed = me.roles.some((r) => LICENSED_ROLES.includes(r));
  const today = useToday(clinical);

  return (
    <Page title="Today" heading={`${greeting()}, ${me.user.displayName}`}>
      <Text size="lg">
        {role ? `${ROLE_LABELS[role]} · ` : ''}
        {me.organization.name}
      </Text>
      <ErrorAlert error={today.error} />
      {clinical && today.isLoading && <Loader size="sm" aria-label="Loading your day" />}
      {today.data && <TodaySessions sessions={today.data.sessions} />}
      {clinical && <NotesQueueSection />}
      {clinical && <PlanReviewsSection />}
      {clinical && <TaskList />}
      {licensed && today.data && <CaseloadSection caseload={today.data.caseload} />}
      <Section heading="Your session">
        <DataList labelWidth="14rem">
          <DataList.Item>
            <DataList.ItemLabel>Signed in as</DataList.ItemLabel>
            <DataList.ItemValue>{me.user.email}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Signs out if idle until</DataList.ItemLabel>
            <DataList.ItemValue>
              {formatTime(me.session.idleExpiresAt)} (moves later as you work)
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Session ends at the latest</DataList.ItemLabel>
            <DataList.ItemValue>{formatTime(me.session.absoluteExpiresAt)}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Section>
      <Section heading="Multi-factor authentication" status={<MfaBadge on={me.user.mfaEnabled} />}>
        {me.user.mfaEnabled ? (
          <Text>Each sign-in asks for a code from your authenticator app.</Text>
        ) : (
          <>
            <Text>Protect patient records: add a code from your phone to each sign-in.</Text>
            <Button component={Link} to="/account" style={{ alignSelf: 'flex-start' }}>
              Set up multi-factor authentication
            </Button>
          </>
        )}
      </Section>
      {me.roles.includes('admin') && <StaffSummary />}
    </Page>
  );
}
