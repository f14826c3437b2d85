// Runs every transcript in test/scenarios/ through real HTTP, signed like Twilio, on a fresh SQLite file.
// Format: "> " a message sent, "< " a fragment the replies must contain, "<! " one they must not, "<=" no reply at all.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGsm7 } from '../src/channels/sms/gsm7.js';
import { normalizeFrench } from '../src/engine/nlu/normalize.js';
import { startTestRelais, type TestRelais } from './support/relais.js';

interface Turn {
  send: string;
  expect: string[];
  forbid: string[];
  silent: boolean;
}

const dir = new URL('./scenarios/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));

function parseScenario(text: string): { title: string; turns: Turn[] } {
  const turns: Turn[] = [];
  let title = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line.startsWith('# ')) title ||= line.slice(2);
    else if (line.startsWith('> ')) turns.push({ send: line.slice(2), expect: [], forbid: [], silent: false });
    else if (line.startsWith('<! ')) turns.at(-1)!.forbid.push(line.slice(3));
    else if (line === '<=') turns.at(-1)!.silent = true;
    else if (line.startsWith('< ')) turns.at(-1)!.expect.push(line.slice(2));
  }
  return { title, turns };
}

// Replies are GSM-7 (ê -> e...); compare on the same footing, ignoring case.
const comparable = (s: string) => toGsm7(s).toLowerCase();

let relais: TestRelais;
beforeAll(async () => {
  relais = await startTestRelais();
});
afterAll(() => relais.stop());

describe('scenarios over SMS', () => {
  files.forEach((file, index) => {
    const { title, turns } = parseScenario(readFileSync(new URL(file, dir), 'utf8'));
    it(`${file}: ${title}`, async () => {
      const from = `+3361234${String(index).padStart(4, '0')}`;
      for (const turn of turns) {
        const reply = await relais.sms(from, turn.send);
        expect(reply.status, `status after "${turn.send}"`).toBe(200);
        const said = comparable(reply.messages.join('\n'));
        if (turn.silent) expect(reply.messages, `no reply expected after "${turn.send}"`).toEqual([]);
        for (const fragment of turn.expect) expect(said, `after "${turn.send}"`).toContain(comparable(fragment));
        for (const fragment of turn.forbid) expect(said, `after "${turn.send}"`).not.toContain(comparable(fragment));
      }
      // Each scenario's saved state must still be a snapshot after the round trip through SQLite's JSON text.
      const rows = relais.query<{ snapshot: string }>('select snapshot from conversations where contact_address = ?', from);
      expect(rows).toHaveLength(1);
      expect(normalizeFrench(JSON.parse(rows[0]!.snapshot).flowId)).toBe('accueil');
    });
  });
});
