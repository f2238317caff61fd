import { Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { AUDIT_ACTIONS } from '../../../contracts/audit.js';
import { useUsers } from '../identity/users-api.js';
import type { AuditFilters } from './audit-api.js';

interface AuditFiltersFormProps {
  filters: AuditFilters;
  onChange: (filters: AuditFilters) => void;
  /** The server's messages for invalid filters, by filter name. */
  errors: Record<string, string>;
}

const ACTION_OPTIONS = AUDIT_ACTIONS.map((action) => ({ value: action, label: action.replace('_', ' ') }));

/** Selects and dates apply at once; the patient ID applies on Enter or when the field loses focus. */
export function AuditFiltersForm({ filters, onChange, errors }: AuditFiltersFormProps) {
  const users = useUsers();
  const [patientId, setPatientId] = useState(filters.patientId ?? '');
  const set = (patch: AuditFilters) => onChange({ ...filters, ...patch });
  const applyPatientId = () => set({ patientId: patientId.trim() || undefined });

  return (
    <Group align="flex-start" gap="sm">
      <Select
        label="User"
        placeholder="Any user"
        data={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` }))}
        value={filters.userId ?? null}
        onChange={(userId) => set({ userId: userId ?? undefined })}
        searchable
        clearable
        error={errors.userId}
        w={200}
      />
      <TextInput
        label="Patient ID"
        value={patientId}
        onChange={(e) => setPatientId(e.currentTarget.value)}
        onBlur={applyPatientId}
        onKeyDown={(e) => {
          if (e.key === 'Enter') applyPatientId();
        }}
        error={errors.patientId}
        w={280}
      />
      <Select
        label="Action"
        placeholder="Any action"
        data={ACTION_OPTIONS}
        value={filters.action ?? null}
        onChange={(action) => set({ action: action ?? undefined })}
        clearable
        error={errors.action}
        w={140}
      />
      <TextInput
        label="From"
        type="date"
        value={filters.from ?? ''}
        onChange={(e) => set({ from: e.currentTarget.value || undefined })}
        error={errors.from}
        w={140}
      />
      <TextInput
        label="To"
        type="date"
        value={filters.to ?? ''}
        onChange={(e) => set({ to: e.currentTarget.value || undefined })}
        error={errors.to}
        w={140}
      />
    </Group>
  );
}
