import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/identity/LoginPage.js';
import { AppLayout } from './AppLayout.js';
import { canOpen, NAV_ITEMS, type NavItem } from './nav.js';
import { NotFoundPage } from './NotFoundPage.js';
import { RequireAuth } from './RequireAuth.js';
import { useSignedInMe } from './auth.js';

/** A page for the roles it is open to; to anyone else it does not exist, as on the server. */
function RolePage({ item }: { item: NavItem }) {
  const me = useSignedInMe();
  return canOpen(item, me.roles) ? <item.Page /> : <NotFoundPage />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          ...NAV_ITEMS.map((item) => ({ path: item.path, element: <RolePage item={item} /> })),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
