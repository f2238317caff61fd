import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeDto, TotpSetupDto } from '../../../contracts/identity.js';
import { api } from '../../app/api.js';
import { ME_KEY, rememberMe } from '../../app/auth.js';

export function useTotpSetup() {
  return useMutation({ mutationFn: () => api.post<TotpSetupDto>('/me/mfa/totp/setup') });
}

export function useTotpVerify() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<MeDto>('/me/mfa/totp/verify', { code }),
    onSuccess: (me) => rememberMe(queryClient, me),
  });
}

export function useTotpDisable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api.post('/me/mfa/totp/disable', { password }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post('/me/password', body),
    // The server may rotate the session (and its CSRF token) when the password changes.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
}
