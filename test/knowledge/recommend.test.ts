// The recommendation rules on the field's seven typical profiles, and on partial answers (every question is skippable).
import { describe, expect, it } from 'vitest';
import { recommend, type AssessmentAnswers, type Recommendation } from '../../src/knowledge/recommend.js';

const profiles: [string, AssessmentAnswers, Partial<Recommendation>][] = [
  ['the refuser (83): no internet, taxes to do', { equipment: 'none', comfort: 'never', wish: 'nothing', urgency: 'deadline' }, { route: 'france-services', supports: ['assist'], urgent: true }],
  ['the curious novice with little money (67)', { equipment: 'basic-phone', internetAtHome: false, comfort: 'never', wish: 'family', obstacle: 'cost', urgency: 'none' }, { route: 'equipment', supports: ['equip', 'train-basics'] }],
  ['the one without bearings in a village (76)', { equipment: 'smartphone', internetAtHome: true, comfort: 'beginner', wish: 'leisure', obstacle: 'mobility', urgency: 'none' }, { route: 'workshop', supports: ['train-basics', 'drop-in'] }],
  ['the shy one (74)', { equipment: 'tablet', internetAtHome: true, comfort: 'beginner', wish: 'family', obstacle: 'confidence', urgency: 'none' }, { route: 'workshop', supports: ['train-theme'] }],
  ['the critical one (77)', { equipment: 'computer', internetAtHome: true, comfort: 'ok', wish: 'office', obstacle: 'none', urgency: 'none' }, { route: 'workshop', supports: ['train-theme'] }],
  ['the moderate one (70): a passport', { equipment: 'smartphone', internetAtHome: true, comfort: 'ok', wish: 'procedure', obstacle: 'none', urgency: 'none' }, { route: 'drop-in', supports: ['drop-in', 'assist'] }],
  ['the hyper-connected (64)', { equipment: 'computer', internetAtHome: true, comfort: 'expert', wish: 'help-others' }, { route: 'volunteer', supports: ['volunteer'] }],
];

describe('recommend', () => {
  it.each(profiles)('%s', (_, answers, expected) => {
    expect(recommend(answers)).toMatchObject(expected);
  });

  it('gives reasons with every recommendation', () => {
    for (const [, answers] of profiles) expect(recommend(answers).reasons.length).toBeGreaterThan(0);
  });

  it('still recommends something when every question was skipped', () => {
    expect(recommend({})).toMatchObject({ route: 'workshop', supports: ['train-basics'], urgent: false });
  });

  it('puts a procedure at risk before learning for a beginner', () => {
    expect(recommend({ comfort: 'never', wish: 'health', urgency: 'rights' })).toMatchObject({ route: 'france-services', supports: ['assist', 'train-basics'], urgent: true });
  });

  it('does not send someone at ease with a deadline to a workshop first', () => {
    const r = recommend({ equipment: 'computer', comfort: 'ok', wish: 'procedure', urgency: 'deadline' });
    expect(r.route).toBe('drop-in');
    expect(r.urgent).toBe(true);
  });

  it('mentions accessibility needs among the reasons', () => {
    expect(recommend({ comfort: 'never', wish: 'procedure', obstacle: 'senses', urgency: 'deadline' }).reasons).toContain('senses');
  });
});
