import { existsSync } from 'node:fs';

/**
 * Which Chromium the browser tests run, found once in global setup and handed to the workers through the
 * environment (they load playwright.config.ts again and read it there). In order: `CHROMIUM_PATH` when set (it
 * must exist: a wrong path is a mistake to report, not to paper over), Debian's `/usr/bin/chromium`, and last the
 * Chromium that ships inside the npm package `@sparticuz/chromium` (unpacked into the temp folder in about 2 s),
 * so `npm install && npm test` passes on a machine with nothing but Node. Playwright never downloads a browser.
 */
export type FoundChromium = { executablePath: string; source: string };

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export async function findChromium(environment: NodeJS.ProcessEnv = process.env): Promise<FoundChromium> {
  const chosen = environment.CHROMIUM_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH is ${chosen}, but there is no file there.`);
    return { executablePath: chosen, source: 'CHROMIUM_PATH' };
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, source: 'the system’s Chromium' };
  const { default: bundled } = await import('@sparticuz/chromium');
  // Without WebGL the package skips unpacking its software GPU, and no journey needs WebGL.
  bundled.setGraphicsMode = false;
  return { executablePath: await bundled.executablePath(), source: 'the Chromium inside the npm package @sparticuz/chromium' };
}

/**
 * The flags every launch uses. Without the background-networking ones Chromium keeps trying to reach Google's
 * hosts, which this closed network refuses. `--no-zygote` is what the packaged Chromium needs as root; it is
 * harmless for the system one.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--no-zygote',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
