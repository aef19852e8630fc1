import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PAGE_LANGUAGES } from '../directory/index.ts';
import { renderPage, type Site } from './layout.render.ts';
import { renderStartPage } from './start-page.render.ts';

/**
 * The start pages as standalone files (`start-da.html`, `start-en.html`, `start-ar.html`), written at every server
 * start, for the load balancer to serve as its error page (502/503/504) when no app node answers: someone may need
 * 1888 most when the system is down. Each file holds its stylesheet and quick-exit script inline, because nothing
 * else can be fetched from us then. README "Configuration" says how to point a load balancer at them.
 */
export async function writeStaticStartPages(input: { folder: string; site: Site }): Promise<string[]> {
  const [css, quickExitScript] = await Promise.all([readAsset('public.css'), readAsset('quick-exit.js')]);
  await mkdir(input.folder, { recursive: true });
  const written: string[] = [];
  for (const lang of PAGE_LANGUAGES) {
    const file = join(input.folder, `start-${lang}.html`);
    await writeFile(file, renderPage(renderStartPage(lang), input.site, { kind: 'inline', css, quickExitScript }));
    written.push(file);
  }
  return written;
}

function readAsset(name: string): Promise<string> {
  return readFile(new URL(`./assets/${name}`, import.meta.url), 'utf8');
}
