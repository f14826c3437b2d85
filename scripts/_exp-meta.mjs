import { build } from 'esbuild';
const r = await build({
  absWorkingDir: '/work/wt/start/', entryPoints: ['src/runtime/node.ts'], bundle: true, platform: 'node', format: 'esm', target: 'node20',
  external: ['better-sqlite3'], write: false, outfile: '/tmp/x.js',
  alias: { opening_hours: './data/generated/opening-hours-france.mjs' }, metafile: true, logLevel: 'warning' });
const ins = Object.values(r.metafile.outputs)[0].inputs; const bypkg = {};
for (const [f, v] of Object.entries(ins)) { const m = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(f); const k = m ? m[1] : f.split('/').slice(0,2).join('/'); bypkg[k] = (bypkg[k] ?? 0) + v.bytesInOutput; }
console.log(Object.entries(bypkg).sort((a,b)=>b[1]-a[1]).slice(0,30).map(([k,v])=>`${(v/1024).toFixed(0)}K ${k}`).join('\n'));
