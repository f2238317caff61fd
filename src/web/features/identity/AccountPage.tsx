import { Text } from '@mantine/core';
import { INTAKE_ROLES } from '../../../domain/identity/roles.js';
import { useSignedInMe } from '../../app/auth.js';
import { Page } from '../../components/Page.js';
import { Section } from '../../components/Section.js';
import { CalendarFeedSection } from '../scheduling/CalendarFeedSection.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { DisableMfaForm } from './DisableMfaForm.js';
import { MfaBadge } from './MfaBadge.js';
import { MfaEnrollment } from './MfaEnrollment.js';

export function AccountPage() {
  const me = useSignedInMe();
  const mfaOn = me.user.mfaEnabled;
  const mandated = me.organization.settings.mfaRequiredForStaff;

  return (
    <Page title="Account and security">
      <Text>
        Signed in as {me.user.displayName} ({me.user.email}).
      </Text>
      <Section heading="Multi-factor authentication" status={<MfaBadge on={mfaOn} />}>
        {mfaOn && mandated && <Text>{me.organization.name} requires it for all staff, so it stays on.</Text>}
        {mfaOn && !mandated && (
          <>
            <Text>Each sign-in asks for a code from your authenticator app.</Text>
            <DisableMfaForm />
          </>
        )}
        {!mfaOn && <MfaEnrollment />}
      </Section>
      <Section heading="Change password">
        <ChangePasswordForm />
      </Section>
      {me.roles.some((role) => INTAKE_ROLES.includes(role)) && <CalendarFeedSection />}
    </Page>
  );
}
