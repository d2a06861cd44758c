import { mkdtempSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSiteBuild } from '../../../src/sw/site-build';

function builtSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'site-build-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./assets/index-a1.js"></script>');
  writeFileSync(join(dir, 'assets/index-a1.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets/kernel.worker-b2.js'), 'postMessage(2)');
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  return dir;
}

describe('readSiteBuild', () => {
  it('lists every built file but the service worker, sorted, with forward slashes', async () => {
    expect((await readSiteBuild(builtSite())).files).toEqual(['assets/index-a1.js', 'assets/kernel.worker-b2.js', 'index.html']);
  });

  it('leaves out the headers file, which the host reads and never serves', async () => {
    const site = builtSite();
    writeFileSync(join(site, '_headers'), '/*\n  X-Content-Type-Options: nosniff\n');
    expect((await readSiteBuild(site)).files).not.toContain('_headers');
  });

  it('gives the same version to the same files', async () => {
    expect((await readSiteBuild(builtSite())).version).toBe((await readSiteBuild(builtSite())).version);
  });

  it('gives a new version when any byte of any file changes, or a file is renamed', async () => {
    const site = builtSite();
    const { version } = await readSiteBuild(site);
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>next</title>');
    const edited = (await readSiteBuild(site)).version;
    expect(edited).not.toBe(version);
    renameSync(join(site, 'assets/index-a1.js'), join(site, 'assets/index-c3.js'));
    expect((await readSiteBuild(site)).version).not.toBe(edited);
  });

  it('keeps the version when only the service worker itself changes', async () => {
    const site = builtSite();
    const { version } = await readSiteBuild(site);
    writeFileSync(join(site, 'sw.js'), 'const __SITE_BUILD__ = {}; // filled in');
    expect((await readSiteBuild(site)).version).toBe(version);
  });
});
