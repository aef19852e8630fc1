import '~dkfds/css/dkfds.css';
import './ui/app.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { SessionProvider } from './features/auth/SessionProvider';
import { LeaveGuardProvider } from './forms/leave-guard';
import { AppRoutes } from './router';

// Vite's `base` (/medarbejder/) without its trailing slash: every route and link of the app is below it.
const staffAppBase = import.meta.env.BASE_URL.replace(/\/$/, '');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A data router, so that a form with unsaved input can hold a navigation for a question (forms/leave-guard.tsx);
// the routes themselves stay in <AppRoutes>.
const router = createBrowserRouter(
  [
    {
      path: '*',
      element: (
        <SessionProvider>
          <LeaveGuardProvider>
            <AppRoutes />
          </LeaveGuardProvider>
        </SessionProvider>
      ),
    },
  ],
  { basename: staffAppBase },
);

createRoot(root).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
