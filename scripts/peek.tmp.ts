import { startTestRelais } from '../test/support/relais.js';
const r = await startTestRelais();
const from = '+33612345000';
for (const m of process.argv.slice(2)) { const x = await r.sms(from, m); console.log('>', m, '\n' + x.messages.join('\n---\n')); }
await r.stop();
