import { embeddedData, loadReferenceData } from '../src/runtime/node/reference-data.js';
const gc = (globalThis as any).gc as () => void;
const m = (label: string, t0: number) => { gc(); const u = process.memoryUsage(); console.log(label.padEnd(20), 'heap', (u.heapUsed / 2 ** 20).toFixed(1), 'rss', (u.rss / 2 ** 20).toFixed(1), 'ms', (performance.now() - t0).toFixed(0)); };
let t = performance.now(); m('start', t);
t = performance.now(); const d = embeddedData(); m('embedded', t);
t = performance.now(); const r = loadReferenceData(); m('reference', t);
console.log(d.communes.length, d.formerNames.length, d.places.length);
(globalThis as any).keep = [d, r];
