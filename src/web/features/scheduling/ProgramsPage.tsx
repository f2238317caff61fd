import { Button, Group, Loader, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useState } from 'react';
import { PROGRAM_SETUP_ROLES } from '../../../domain/identity/roles.js';
import { useSignedInMe } from '../../app/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { ProgramCard } from './ProgramCard.js';
import { ProgramFormModal } from './ProgramFormModal.js';
import { usePrograms } from './scheduling-api.js';

/** /programs: programs, their tracks and group blocks; program directors set them up here. */
export function ProgramsPage() {
  const me = useSignedInMe();
  const canEdit = me.roles.some((r) => PROGRAM_SETUP_ROLES.includes(r));
  const programs = usePrograms();
  const [creating, setCreating] = useState(false);

  return (
    <Page
      title="Programs"
      actions={
        canEdit && (
          <Group>
            <Button variant="default" component={Link} to="/programs/staff">
              Staff credentials and hours
            </Button>
            <Button onClick={() => setCreating(true)}>New program</Button>
          </Group>
        )
      }
    >
      <ErrorAlert error={programs.error} />
      {programs.isLoading && <Loader aria-label="Loading programs" />}
      {programs.data?.length === 0 && (
        <Text>
          {canEdit ? 'No programs yet. Create the first one.' : 'No programs have been set up yet.'}
        </Text>
      )}
      {programs.data?.map((program) => (
        <ProgramCard key={program.id} program={program} canEdit={canEdit} />
      ))}
      {creating && <ProgramFormModal onClose={() => setCreating(false)} />}
    </Page>
  );
}
