// The nearest-place search over every place Relais knows (the embedded national France Services list and the
// cartography): p50/p99 per query with filters, against a linear haversine scan measured in
// the same run, and the memory the loaded index takes.
import { embeddedData } from '../src/runtime/node/reference-data.js';
import { haversineKm, indexPlaces, nearestPlaces } from '../src/directory/nearest.js';
import type { Place, PlaceService } from '../src/directory/types.js';
import { percentile } from './load.js';


export function benchNearest(queries = 5000) {
  const { communes, places } = embeddedData();

  // A fixed pseudo-random sequence of communes, so two runs ask the same questions.
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const services: (PlaceService | undefined)[] = [undefined, 'demarches', 'apprendre', 'internet'];
  const asks = Array.from({ length: queries }, (_, i) => {
    const c = communes[Math.floor(random() * communes.length)]!;
    return { latitude: c.latitude, longitude: c.longitude, limit: 3, service: services[i % services.length] };
  });

  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const index = indexPlaces(places);
  (globalThis as { gc?: () => void }).gc?.();
  const indexBytes = process.memoryUsage().heapUsed - heapBefore;

  const time = (run: (q: (typeof asks)[number]) => unknown) => {
    const ms: number[] = [];
    for (const q of asks) {
      const t0 = performance.now();
      run(q);
      ms.push(performance.now() - t0);
    }
    return ms.sort((a, b) => a - b);
  };
  const linear = (q: (typeof asks)[number]) =>
    places
      .filter((p) => !q.service || p.services.includes(q.service))
      .map((p) => ({ p, d: haversineKm(q.latitude, q.longitude, p.latitude, p.longitude) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, q.limit);
  time((q) => nearestPlaces(index, q)); // warm-up
  const indexed = time((q) => nearestPlaces(index, q));
  const scanned = time(linear);
  return { places: places.length, queries, indexBytes, indexed, scanned };
}

export function printNearest(r: ReturnType<typeof benchNearest>) {
  const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`.padStart(10);
  console.log(`\nnearest places: ${r.places} places (embedded: national France Services and the cartography), ${r.queries} queries with filters`);
  console.log(`  k-d tree      p50 ${us(percentile(r.indexed, 50))}  p99 ${us(percentile(r.indexed, 99))}`);
  console.log(`  linear scan   p50 ${us(percentile(r.scanned, 50))}  p99 ${us(percentile(r.scanned, 99))}`);
  console.log(`  speed-up at p50: ${(percentile(r.scanned, 50) / percentile(r.indexed, 50)).toFixed(1)}x; index memory ≈ ${(r.indexBytes / 1024).toFixed(0)} KiB (heap growth while building)`);
}
