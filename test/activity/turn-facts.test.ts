// What a turn adds to the activity figures, read from what it did; and the masking every page and export uses.
import { describe, expect, it } from 'vitest';
import { dayOf, dayOfIso } from '../../src/activity/facts.js';
import { shown } from '../../src/activity/figures.js';
import { factsOfTurn, type TurnFactsInput } from '../../src/activity/turn-facts.js';
import { dailyRows } from '../../src/db/activity-statements.js';
import type { Snapshot } from '../../src/engine/snapshot.js';

const AT = Date.UTC(2026, 10, 23, 9);
const snapshot = (stepId: string, vars: Record<string, string> = {}, lastActivityAt = AT - 60_000): Snapshot => ({
  flowId: 'accueil', flowHash: 'h', stepId, stepHash: 'h', status: 'active', vars, attempts: 0, asked: null, optedOut: false, lastActivityAt, turn: 3,
});
const turn = (over: Partial<TurnFactsInput>): TurnFactsInput => ({
  channel: 'sms', opensCall: false, previous: snapshot('menu'), next: snapshot('menu'), effects: [], calls: [], departement: '48', segments: 0, sessionMs: 86_400_000, at: AT, ...over,
});
const kinds = (input: TurnFactsInput) => factsOfTurn(input).map((f) => [f.kind, f.code, f.detail ?? '', f.initiator ?? '']);

describe('the facts of a turn', () => {
  it('counts a conversation on a first message, and again after a day of silence, not in between', () => {
    expect(kinds(turn({ previous: undefined }))).toEqual([['conversation', 'start', 'new', 'senior']]);
    expect(kinds(turn({ previous: snapshot('menu', {}, AT - 25 * 3_600_000) }))).toEqual([['conversation', 'start', 'returning', 'senior']]);
    expect(kinds(turn({}))).toEqual([]);
  });

  it('reads a workshop seat booked and the assessment, with the situation it learnt', () => {
    const next = snapshot('after_booking', { equipment: 'tablet', comfort: 'beginner', obstacle: 'mobility', need: 'apprendre' });
    const facts = kinds(
      turn({
        previous: snapshot('q_urgency', { need: 'apprendre' }),
        next,
        calls: [
          { service: 'recommend', input: {}, result: { outcome: 'done' } },
          { service: 'bookSession', input: {}, result: { outcome: 'booked' } },
        ],
      }),
    );
    expect(facts).toEqual([
      ['outcome', 'assessment', '', 'senior'],
      ['profile', 'equipment', 'tablet', 'senior'],
      ['profile', 'comfort', 'beginner', 'senior'],
      ['profile', 'obstacle', 'mobility', 'senior'],
      ['outcome', 'workshop-booked', '', 'senior'],
      ['need', 'apprendre', '', 'senior'],
    ]);
  });

  it('names a relay for a transferred call and a caregiver when they say so', () => {
    expect(kinds(turn({ opensCall: true, channel: 'voice', next: snapshot('welcome_transferred', { transferred: 'yes' }) }))).toEqual([
      ['conversation', 'start', 'returning', 'relay'],
      ['initiator', 'relay', '', 'relay'],
    ]);
    expect(kinds(turn({ next: snapshot('carer_intro', { forWhom: 'relative' }) }))).toEqual([['initiator', 'caregiver', '', 'caregiver']]);
  });

  it('counts places on the first page only, with the commune and the SMS segments', () => {
    const found = { outcome: 'found', vars: { communeCode: '48095' } };
    const facts = factsOfTurn(turn({ calls: [{ service: 'nearestPlaces', input: { need: '' }, result: found }], segments: 3 }));
    expect(facts.map((f) => [f.kind, f.code, f.commune ?? '', f.value ?? 1])).toEqual([
      ['outcome', 'places-given', '48095', 1],
      ['need', 'lieu', '', 1],
      ['initiator', 'senior', '', 1],
      ['segments', 'sms', '', 3],
    ]);
    expect(factsOfTurn(turn({ calls: [{ service: 'nearestPlaces', input: { offset: '3' }, result: found }] }))).toEqual([]);
  });

  it('folds facts of one day into one daily row', () => {
    const fact = { kind: 'outcome' as const, code: 'white-zone', commune: '97353', departement: '973', channel: 'sms' as const, at: AT };
    expect(dailyRows([fact, fact, { ...fact, kind: 'segments', code: 'sms', value: 4 }])).toEqual([
      ['973', dayOf(AT), 4, 'white-zone', '', 1, '97353', 2, 2],
      ['973', dayOf(AT), 7, 'sms', '', 1, '', 1, 4],
    ]);
  });
});

describe('masking and dates', () => {
  it('shows counts under five as « < 5 », never smaller', () => {
    expect([0, 1, 4, 5, 1234].map(shown)).toEqual(['0', '< 5', '< 5', '5', '1 234']);
  });

  it('dates a fact by its Paris day, and reads only real dates', () => {
    expect(dayOf(Date.UTC(2026, 10, 23, 23, 30))).toBe(dayOfIso('2026-11-24'));
    expect(dayOf(Date.UTC(2026, 6, 1, 21, 59))).toBe(dayOfIso('2026-07-01'));
    expect(dayOf(Date.UTC(2026, 6, 1, 22, 0))).toBe(dayOfIso('2026-07-02'));
    expect([dayOfIso('2026-02-30'), dayOfIso('hier'), dayOfIso('2026-2-3')]).toEqual([undefined, undefined, undefined]);
  });
});
