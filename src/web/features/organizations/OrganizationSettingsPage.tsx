import {
  Button,
  Loader,
  NumberInput,
  Select,
  Stack,
  Switch,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganizationDto, OrganizationSettings } from '../../../contracts/identity.js';
import { LICENSED_ROLES } from '../../../domain/identity/roles.js';
import { api } from '../../app/api.js';
import { ME_KEY } from '../../app/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { Page } from '../../components/Page.js';
import { useUsers } from '../identity/users-api.js';

const ORGANIZATION_KEY = ['organization'] as const;

export function OrganizationSettingsPage() {
  const organization = useQuery({
    queryKey: ORGANIZATION_KEY,
    queryFn: () => api.get<OrganizationDto>('/organization'),
  });
  return (
    <Page title="Organization settings">
      <ErrorAlert error={organization.error} />
      {organization.isPending && <Loader aria-label="Loading organization settings" />}
      {organization.data && <OrganizationForm organization={organization.data} />}
    </Page>
  );
}

function OrganizationForm({ organization }: { organization: OrganizationDto }) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: { name: string; settings: OrganizationSettings }) =>
      api.patch<OrganizationDto>('/organization', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(ORGANIZATION_KEY, saved);
      // The header shows the name, and the MFA rule changes what /me allows.
      return queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  const licensed = useUsers({ status: 'active' });
  const clinicians = (licensed.data ?? [])
    .filter((u) => u.roles.some((r) => LICENSED_ROLES.includes(r)))
    .map((u) => ({ value: u.id, label: u.displayName }));
  const form = useForm({
    initialValues: { name: organization.name, settings: { ...organization.settings } },
    validate: { name: isNotEmpty('Enter the organization’s name.') },
  });

  const submit = form.onSubmit((values) =>
    save.mutate(values, {
      onSuccess: (saved) => {
        form.resetDirty({ name: saved.name, settings: saved.settings });
        notifications.show({ color: 'green', message: 'Organization settings saved.' });
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={520} align="flex-start">
        <TextInput label="Organization name" required w="100%" {...form.getInputProps('name')} />
        <Switch
          label="Require multi-factor authentication for all staff"
          description="Staff without it must set it up at their next sign-in before they can do anything else."
          {...form.getInputProps('settings.mfaRequiredForStaff', { type: 'checkbox' })}
        />
        <Title order={2} size="h3">
          Safety and screening
        </Title>
        <Select
          label="On-call licensed clinician"
          description="Receives the follow-up task for every suicide-risk alert. Left empty, any clinician may take it."
          placeholder="Any clinician"
          data={clinicians}
          clearable
          searchable
          w="100%"
          {...form.getInputProps('settings.onCallClinicianUserId')}
        />
        <NumberInput
          label="Escalate an unacknowledged safety alert after (minutes)"
          description="Then the program director gets a task too."
          min={5}
          max={1440}
          allowDecimal={false}
          w="100%"
          {...form.getInputProps('settings.safetyEscalationMinutes')}
        />
        <Switch
          label="Use the C-SSRS screener"
          description="Electronic use of the C-SSRS needs a licence from its copyright holder's licensee. Turn this on only if your organization holds one."
          {...form.getInputProps('settings.cssrsEnabled', { type: 'checkbox' })}
        />
        <Title order={2} size="h3">
          Clinical notes
        </Title>
        <NumberInput
          label="Mark a note as a late entry when signed more than (hours) after its session"
          min={1}
          max={720}
          allowDecimal={false}
          w="100%"
          {...form.getInputProps('settings.lateEntryHours')}
        />
        <Textarea
          label="Notice sent with every disclosure of 42 CFR Part 2 records"
          description="Printed on exports of substance-use records. Check the wording with your compliance officer."
          autosize
          minRows={4}
          w="100%"
          {...form.getInputProps('settings.part2Notice')}
        />
        <Title order={2} size="h3">
          Measurement-based care
        </Title>
        <NumberInput
          label="Response: a drop from baseline of at least (%)"
          description="Defaults: response 50 %, remission below 5, reliable change 6 points (PHQ-9) and 4 (GAD-7), not on track after 4 weeks. Changed thresholds are versioned with every outcome they produce."
          min={10}
          max={90}
          allowDecimal={false}
          w="100%"
          {...form.getInputProps('settings.outcomeThresholds.responseDropPercent')}
        />
        <NumberInput
          label="Not on track: no reliable improvement after (weeks)"
          min={1}
          max={26}
          allowDecimal={false}
          w="100%"
          {...form.getInputProps('settings.outcomeThresholds.notOnTrackAfterWeeks')}
        />
        <NumberInput
          label="PHQ-9 remission: latest score below"
          min={1}
          max={27}
          allowDecimal={false}
          w="100%"
          {...form.getInputProps('settings.outcomeThresholds.phq9RemissionBelow')}
        />
        <NumberInput
          label="GAD-7 remission: latest score below"
          min={1}
          max={21}
          allowDecimal={false}
          w="100%"
          {...form.getInputProps('settings.outcomeThresholds.gad7RemissionBelow')}
        />
        <NumberInput
          label="PHQ-9 reliable change (points)"
          min={1}
          max={27}
          allowDecimal={false}
          w="100%"
          {...form.getInputProps('settings.outcomeThresholds.phq9ReliableChange')}
        />
        <NumberInput
          label="GAD-7 reliable change (points)"
          min={1}
          max={21}
          allowDecimal={false}
          w="100%"
          {...form.getInputProps('settings.outcomeThresholds.gad7ReliableChange')}
        />
        <ErrorAlert error={save.error} />
        <Button type="submit" loading={save.isPending}>
          Save settings
        </Button>
      </Stack>
    </form>
  );
}
