import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'domain',
          include: ['packages/domain/src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'scripts',
          // The bench's pure parts (replay planning, percentiles) too: no database, so not the server project's setup.
          include: ['scripts/**/*.test.ts', 'packages/server/bench/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts'],
          globalSetup: ['packages/server/src/test/global-setup.ts'],
          // Each test file gets its own database cloned from a migrated template, so files may run in parallel. They
          // wait on PostgreSQL (another process) much of the time: three workers on two cores keep both busy, where
          // Vitest's default (cores − 1 = one worker here) ran the files one after another.
          maxWorkers: 3,
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The staff web app: pure helpers and components in jsdom, with Testing Library. Only fetch is mocked.
        plugins: [react()],
        test: {
          name: 'web',
          include: ['packages/web/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['packages/web/src/test/setup.ts'],
          // Two cores are shared with other work: a few workers are plenty for jsdom tests, and a busy machine may
          // take longer than the default five seconds for a test that types through a whole form.
          maxWorkers: 2,
          testTimeout: 15_000,
        },
      },
    ],
  },
});
