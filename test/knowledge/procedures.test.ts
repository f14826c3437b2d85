// The knowledge base of procedures: every entry sourced, dated, within length, and found from everyday phrasings.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { procedures, situationWords } from '../../data/procedures/index.js';
import { createProcedureMatcher, situationReaderOf } from '../../src/knowledge/match-procedure.js';
import { FRENCH_PHONE, PROCEDURE_CATEGORIES, procedureSchema } from '../../src/knowledge/procedure-schema.js';
import { phrasings } from '../fixtures/procedure-phrasings.js';

const matcher = createProcedureMatcher(procedures, situationReaderOf(situationWords));
const today = new Date().toISOString().slice(0, 10);

describe('knowledge base', () => {
  it('holds at least 60 procedures with unique ids', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(60);
    expect(new Set(procedures.map((p) => p.id)).size).toBe(procedures.length);
  });

  it.each(procedures.map((p) => [p.id, p] as const))('%s is complete, sourced and dated', (_, p) => {
    expect(procedureSchema.safeParse(p).success).toBe(true);
    expect(p.source).toMatch(/^https:\/\//);
    expect(p.reviewedAt <= today).toBe(true);
    expect(Number.isNaN(Date.parse(p.reviewedAt))).toBe(false);
    expect(p.steps.length).toBeLessThanOrEqual(6);
    for (const step of p.steps) expect(step.length).toBeLessThanOrEqual(150);
    if (p.phone) expect(p.phone.number).toMatch(FRENCH_PHONE);
  });

  it('covers the topics seniors ask about most', () => {
    const categories = new Set(procedures.map((p) => p.category));
    for (const c of PROCEDURE_CATEGORIES) {
      expect(categories.has(c), c).toBe(true);
    }
  });

  it('is listed in the README with its source and review date', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const p of procedures) {
      const row = readme.split('\n').find((line) => line.includes(`\`${p.id}\``));
      expect(row, p.id).toBeDefined();
      expect(row).toContain(p.source);
      expect(row).toContain(p.reviewedAt);
    }
  });
});

describe('matching everyday phrasings', () => {
  it('has at least five phrasings for every procedure', () => {
    for (const p of procedures) expect(phrasings[p.id]?.length ?? 0, p.id).toBeGreaterThanOrEqual(5);
  });

  const cases = Object.entries(phrasings).flatMap(([id, list]) => list.map((text) => [id, text] as const));
  it.each(cases)('%s <- "%s"', (id, text) => {
    const match = matcher.match(text);
    const ids = match.type === 'found' ? [match.procedure.id] : match.type === 'ambiguous' ? match.candidates.map((c) => c.id) : [];
    expect(ids, JSON.stringify(matcher.rank(text).slice(0, 3).map((r) => [r.procedure.id, r.score.toFixed(2)]))).toContain(id);
  });

  it.each(['carte vital', 'impot', 'reversion'])('survives the typo "%s"', (text) => {
    expect(matcher.match(text).type).not.toBe('notFound');
  });

  it.each(['bonjour', 'le chat de la voisine est monté sur le toit', 'quel temps fait-il demain', '12345', 'je cherche un atelier informatique', 'je veux apprendre à faire mes démarches', 'je suis en train de chercher', 'on me menace', 'je me sens isolée dans ma maison'])('finds nothing in "%s"', (text) => {
    expect(matcher.match(text)).toEqual({ type: 'notFound' });
  });
});

describe('matching precision', () => {
  it('names a single entry, without asking, for at least 98% of the phrasings', () => {
    const cases = Object.entries(phrasings).flatMap(([id, list]) => list.map((text) => ({ id, match: matcher.match(text) })));
    const exact = cases.filter((c) => c.match.type === 'found' && c.match.procedure.id === c.id).length;
    expect(exact / cases.length).toBeGreaterThanOrEqual(0.98);
  });
});
