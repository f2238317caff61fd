import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { LoginBody, MeDto } from '../../contracts/identity.js';
import { api, hasCode, setCsrfToken } from './api.js';

export const ME_KEY = ['me'] as const;

/** The signed-in person, or null when nobody is signed in. */
async function fetchMe(): Promise<MeDto | null> {
  try {
    const me = await api.get<MeDto>('/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (hasCode(error, 'unauthenticated')) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 30_000, retry: false });
}

/** The signed-in person, for components rendered inside the auth guard. */
export function useSignedInMe(): MeDto {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInMe is only for pages behind RequireAuth');
  return data;
}

/** Stores a MeDto the server just returned (login, MFA verification): the session and its CSRF token. */
export function rememberMe(queryClient: QueryClient, me: MeDto): void {
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(ME_KEY, me);
}

/** Drops the session and every cached record, so nothing of the last person stays in memory. */
export function forgetMe(queryClient: QueryClient): void {
  setCsrfToken(undefined);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
  queryClient.setQueryData(ME_KEY, null);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<MeDto>('/auth/login', body),
    onSuccess: (me) => rememberMe(queryClient, me),
  });
}

export function useSignOut() {
  return useMutation({
    mutationFn: () => api.post('/auth/logout'),
    // Even if the server call fails, the person asked to leave: a fresh page load at /login drops
    // every cached record, form draft and component state of theirs from memory.
    onSettled: () => window.location.replace('/login'),
  });
}
