// A suite's Relais answering Meta's WhatsApp webhooks through a loopback Graph API fake: started before the suite's
// tests and stopped after them.
import { afterAll, beforeAll } from 'vitest';
import { startFakeGraph, type FakeGraph } from './fake-graph.js';
import { startTestRelais, type TestRelais } from './relais.js';

export function relaisWithFakeGraph(appSecret: string): { readonly relais: TestRelais; readonly graph: FakeGraph } {
  let relais: TestRelais | undefined;
  let graph: FakeGraph | undefined;
  beforeAll(async () => {
    graph = await startFakeGraph();
    relais = await startTestRelais({ meta: { appSecret, verifyToken: 'v', accessToken: 'graph-token', apiBaseUrl: graph.baseUrl } });
  });
  afterAll(async () => {
    await relais?.stop();
    await graph?.close();
  });
  return {
    get relais() {
      return relais!;
    },
    get graph() {
      return graph!;
    },
  };
}
