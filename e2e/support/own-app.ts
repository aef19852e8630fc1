import { test } from '@playwright/test';
import { startBro } from './global-setup.ts';

/**
 * A Bro of the spec's own, started before its tests with extra settings (e.g. a short idle timeout) and stopped
 * after them, so the shared app of the other journeys keeps its real configuration.
 */
export function useOwnBro(env: Record<string, string>): { baseUrl: () => string | undefined } {
  let bro: Awaited<ReturnType<typeof startBro>> | undefined;
  test.beforeAll(async () => {
    test.setTimeout(150_000);
    bro = await startBro(env);
  });
  test.afterAll(async () => {
    test.setTimeout(60_000);
    await bro?.stop();
  });
  return { baseUrl: () => bro?.baseUrl };
}
