import { Button, Loader, Stack, Switch, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganizationDto } from '../../../contracts/identity.js';
import { api } from '../../app/api.js';
import { ME_KEY } from '../../app/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { Page } from '../../components/Page.js';

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
    mutationFn: (body: { name: string; settings: { mfaRequiredForStaff: boolean } }) =>
      api.patch<OrganizationDto>('/organization', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(ORGANIZATION_KEY, saved);
      // The header shows the name, and the MFA rule changes what /me allows.
      return queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
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
        <ErrorAlert error={save.error} />
        <Button type="submit" loading={save.isPending}>
          Save settings
        </Button>
      </Stack>
    </form>
  );
}
