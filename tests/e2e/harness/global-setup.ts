import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { distDir } from './paths';
import { serveStaticSite } from './static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

/** Serves the built `dist/` for the whole browser test run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`No built site at ${distDir}: run \`npx vite build\` first (npm test does it for you)`);
  }
  const site = await serveStaticSite(distDir);
  project.provide('siteUrl', site.url);
  return site.close;
}
