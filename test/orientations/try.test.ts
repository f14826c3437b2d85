import { it } from 'vitest';
import { startTestRelais } from '../support/relais.js';
import { renderSmsReplies } from '../../src/channels/sms/twiml.js';
it('try', async () => {
  const r = await startTestRelais();
  for (const m of ['Bonjour', '1', '74000']) { const x = await r.sms('+33612345678', m); console.log(m, x.messages.map((t) => t.length)); }
  await r.stop();
});
