import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/identity/LoginPage.js';
import { SelfCheckPage } from '../features/self-check/SelfCheckPage.js';
import { KioskPage } from '../features/outcomes/KioskPage.js';
import { AppLayout } from './AppLayout.js';
import { canOpen, PAGES, type PageRoute } from './nav.js';
import { NotFoundPage } from './NotFoundPage.js';
import { RequireAuth } from './RequireAuth.js';
import { useSignedInMe } from './auth.js';

/** A page for the roles it is open to; to anyone else it does not exist, as on the server. */
function RolePage({ item }: { item: PageRoute }) {
  const me = useSignedInMe();
  return canOpen(item, me.roles) ? <item.Page /> : <NotFoundPage />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // Public, no account: "Is an IOP right for me?"
  { path: '/self-check', element: <SelfCheckPage /> },
  // Public, no account: a patient answers due measures on a tablet staff hand them (one-time code).
  { path: '/kiosk', element: <KioskPage /> },
  { path: '/kiosk/:code', element: <KioskPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          ...PAGES.map((item) => ({ path: item.path, element: <RolePage item={item} /> })),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
