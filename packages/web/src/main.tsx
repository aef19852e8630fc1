import '~dkfds/css/dkfds.css';
import './ui/app.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { SessionProvider } from './features/auth/SessionProvider';
import { AppRoutes } from './router';

// Vite's `base` (/medarbejder/) without its trailing slash: every route and link of the app is below it.
const staffAppBase = import.meta.env.BASE_URL.replace(/\/$/, '');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <BrowserRouter basename={staffAppBase}>
      <SessionProvider>
        <AppRoutes />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
