// A department's positions drawn on a plane: an equirectangular projection around the department's mean latitude
// (longitudes shrunk by its cosine), fitted into a box. Enough at a department's scale; no tiles, no network.

export interface Projected {
  x: number;
  y: number;
}

export function fitProjection(points: { latitude: number; longitude: number }[], width: number, height: number, margin = 12) {
  if (points.length === 0) return () => ({ x: width / 2, y: height / 2 });
  const lat0 = (points.reduce((a, p) => a + p.latitude, 0) / points.length) * (Math.PI / 180);
  const k = Math.cos(lat0);
  const xs = points.map((p) => p.longitude * k);
  const ys = points.map((p) => -p.latitude);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((width - 2 * margin) / (maxX - minX || 1), (height - 2 * margin) / (maxY - minY || 1));
  const offsetX = (width - (maxX - minX) * scale) / 2;
  const offsetY = (height - (maxY - minY) * scale) / 2;
  return (p: { latitude: number; longitude: number }): Projected => ({
    x: Math.round((offsetX + (p.longitude * k - minX) * scale) * 10) / 10,
    y: Math.round((offsetY + (-p.latitude - minY) * scale) * 10) / 10,
  });
}
