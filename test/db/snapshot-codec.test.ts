// A snapshot is stored with a long variable held inside another as a reference, and read back exactly.
import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot } from '../../src/db/snapshot-codec.js';
import type { Snapshot } from '../../src/engine/snapshot.js';

const items = "1. Secours populaire\n2 rue Jules Barut, 74000 Annecy (0,5 km)\nTél : 04 50 57 97 47\nOuvert aujourd'hui : 15h30-17h30\n\n2. Mairie d'Annecy\n9 boulevard Decouz, 74000 Annecy (0,6 km)";
const snapshot = (vars: Record<string, string>): Snapshot => ({
  flowId: 'accueil', flowHash: 'h', stepId: 'after_places', stepHash: 's', status: 'active', vars, attempts: 0, asked: null, optedOut: false, lastActivityAt: 1, turn: 4,
});

describe('the stored snapshot', () => {
  it('holds the places once, and reads back the same snapshot', () => {
    const found = snapshot({
      commune: 'Annecy',
      items,
      lastPlaces: `Les lieux les plus proches, pour Annecy :\n\n${items}`,
      smsText: `Relais - lieux d'aide pour Annecy :\n\n${items}\n\nRépondez PLUS.`,
    });
    const stored = encodeSnapshot(found);
    expect(stored.split('Secours populaire').length - 1).toBe(1);
    expect(stored.length).toBeLessThan(JSON.stringify(found).length - 2 * items.length + 200);
    expect(JSON.parse(stored).vars.commune).toBe('Annecy'); // short variables stay readable in the row
    expect(decodeSnapshot(stored)).toEqual(found);
  });

  it('stores a snapshot without shared text as plain JSON', () => {
    const plain = snapshot({ commune: 'Annecy', items, note: 'x'.repeat(200) });
    expect(encodeSnapshot(plain)).toBe(JSON.stringify(plain));
    expect(decodeSnapshot(encodeSnapshot(plain))).toEqual(plain);
  });

  it('reads chains of shared texts back whole', () => {
    const a = 'a'.repeat(150);
    const chained = snapshot({ a, b: `<${a}>`, c: `[<${a}>]`, d: `{[<${a}>]}` });
    expect(decodeSnapshot(encodeSnapshot(chained))).toEqual(chained);
  });

  it('refuses a row whose reference points at nothing', () => {
    const broken = JSON.stringify({ ...snapshot({}), varReferences: { lastPlaces: ['', 'items', ''] } });
    expect(() => decodeSnapshot(broken)).toThrow(/items/);
  });

  it('still refuses, precisely, a row that is not a snapshot', () => {
    expect(() => decodeSnapshot(JSON.stringify({ ...snapshot({}), status: 'paused' }))).toThrow(/status/);
    expect(() => decodeSnapshot(JSON.stringify({ ...snapshot({}), vars: { n: 3 } }))).toThrow(/vars/);
  });
});
