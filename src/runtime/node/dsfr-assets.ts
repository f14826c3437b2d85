// Serves the State design system's files (CSS, fonts, icons, JS) from the installed @gouvfr/dsfr package: no CDN,
// so the workspace works offline. Only files under its dist folder, with a known type, are served.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  woff2: 'font/woff2',
  woff: 'font/woff',
  svg: 'image/svg+xml',
  png: 'image/png',
};

export function dsfrAssets(): (path: string) => Promise<Response | undefined> {
  const root = join(dirname(createRequire(import.meta.url).resolve('@gouvfr/dsfr/package.json')), 'dist');
  return async (path) => {
    const type = TYPES[path.split('.').pop() ?? ''];
    const file = normalize(join(root, path));
    if (!type || !file.startsWith(root + sep)) return undefined;
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' } });
    } catch {
      return undefined;
    }
  };
}
