import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageStatus } from '../components/FullPageStatus.js';
import { useMe } from './auth.js';

export interface LoginRedirectState {
  from?: string;
}

/** Renders the signed-in console, or sends the person to /login and back here afterwards. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.data) return <Outlet />;
  if (me.data === null) {
    const state: LoginRedirectState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  return <FullPageStatus error={me.error} onRetry={() => void me.refetch()} />;
}
