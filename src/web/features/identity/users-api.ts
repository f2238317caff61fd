import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserBody, UpdateUserBody, UserDto } from '../../../contracts/identity.js';
import type { Role } from '../../../domain/identity/roles.js';
import { api } from '../../app/api.js';

export interface UserFilters {
  q?: string;
  role?: Role;
  status?: UserDto['status'];
}

const USERS_KEY = ['users'] as const;

export function useUsers(filters: UserFilters = {}) {
  return useQuery({
    queryKey: [...USERS_KEY, filters],
    queryFn: () => api.get<{ items: UserDto[] }>('/users', { ...filters }),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
  });
}

/** Creates a user, or updates one when an id is given. */
export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: UpdateUserBody } | { id?: undefined; body: CreateUserBody }) =>
      input.id
        ? api.patch<UserDto>(`/users/${input.id}`, input.body)
        : api.post<UserDto>('/users', input.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export type UserAction = 'deactivate' | 'reactivate' | 'unlock' | 'mfa/reset';

export function useUserAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: UserAction }) =>
      api.post<UserDto>(`/users/${id}/${action}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
