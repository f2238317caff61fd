import { Text } from '@mantine/core';
import { useSignedInMe } from '../../app/auth.js';
import { Page } from '../../components/Page.js';
import { MfaEnrollment } from './MfaEnrollment.js';

/** The only screen while the organization requires MFA and the person has not set it up. */
export function MfaEnrollmentPage() {
  const me = useSignedInMe();
  return (
    <Page title="Set up multi-factor authentication">
      <Text>
        {me.organization.name} requires multi-factor authentication for all staff. Set it up to continue to
        Trellis.
      </Text>
      <MfaEnrollment />
    </Page>
  );
}
