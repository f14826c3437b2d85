// Workers logs: one JSON object per event through console, which Workers Logs indexes.
import type { Logger } from '../../conversation/ports.js';

export function createWorkerLogger(): Logger {
  const write = (level: string, event: string, fields?: Record<string, unknown>) =>
    console.log(JSON.stringify({ level, event, ...fields }));
  return {
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
  };
}
