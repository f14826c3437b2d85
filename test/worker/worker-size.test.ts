// The Worker's size budget: the bundle wrangler would deploy (code and the embedded national data: communes, France
// Services, the cartography's places), gzipped, stays within 1 MiB. Measured on the real dry-run output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const outDir = mkdtempSync(join(tmpdir(), 'relais-worker-size-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the Worker bundle', () => {
  it('is at most 1 MiB gzipped, national data included', { timeout: 180_000 }, () => {
    const run = spawnSync(join(root, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', outDir], {
      cwd: root,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const bundle = readFileSync(join(outDir, 'worker.js'));
    // The national data is in it: the France Services of Rodez and the communes' column of names.
    expect(bundle.includes('France services de Rodez')).toBe(true);
    expect(bundle.includes('Saint-Privat-du-Fau')).toBe(true);
    const gzipped = gzipSync(bundle).length;
    console.log(`Worker bundle: ${(bundle.length / 1024).toFixed(0)} KiB, ${(gzipped / 1024).toFixed(0)} KiB gzipped`);
    expect(gzipped).toBeLessThanOrEqual(1024 * 1024);
  });

  // `import { z } from 'zod'` takes zod's namespace object whole, with its error messages in forty languages (about
  // 66 KB gzipped): `import * as z from 'zod'` lets the bundler keep only what is used.
  it("imports zod's namespace, not its `z` object", () => {
    const sources = ['src', 'flows', 'data'].flatMap((dir) =>
      (readdirSync(join(root, dir), { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f)),
    );
    const offenders = sources.filter((f) => /import\s+(type\s+)?\{\s*z\s*\}\s+from\s+'zod'/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
    expect(sources.length).toBeGreaterThan(100);
  });
});
