// Situations (lost, stolen, damaged, renew, first time, password) set apart entries about the same thing: the words of
// the whole message choose « carte Vitale perdue » over « l'appli carte Vitale », and the general entry otherwise.
import { describe, expect, it } from 'vitest';
import { procedures, situationWords } from '../../data/procedures/index.js';
import { createProcedureMatcher, situationReaderOf } from '../../src/knowledge/match-procedure.js';
import { PROCEDURE_SITUATIONS, procedureSchema, type Procedure } from '../../src/knowledge/procedure-schema.js';

const matcher = createProcedureMatcher(procedures, situationReaderOf(situationWords));
const foundId = (text: string) => {
  const match = matcher.match(text);
  return match.type === 'found' ? match.procedure.id : match.type;
};

describe('situations in the shipped knowledge base', () => {
  it.each([
    ["j'ai perdu ma carte vitale", 'carte-vitale-perdue'],
    ['on m a volé ma carte vitale', 'carte-vitale-perdue'],
    ['ma carte vitale est abimee', 'carte-vitale-perdue'],
    ['carte vitale perimee', 'carte-vitale-perdue'],
    ['je dois renouveler ma carte vitale', 'carte-vitale-perdue'],
    ['carte vitale', 'appli-carte-vitale'],
    ['installer la carte vitale sur mon telephone', 'appli-carte-vitale'],
    ["j'ai oublié mon mot de passe ameli", 'mot-de-passe-ameli'],
    ['je n arrive plus a me connecter a ameli', 'mot-de-passe-ameli'],
    ['creer mon compte ameli', 'compte-ameli'],
    ['ameli', 'compte-ameli'],
    ['carte bancaire volee', 'carte-bancaire-opposition'],
    ['j ai perdu ma cb', 'carte-bancaire-opposition'],
  ])('« %s » finds %s', (text, id) => {
    expect(foundId(text)).toBe(id);
  });

  it('has words for every situation, and every situation entry names known situations', () => {
    for (const situation of PROCEDURE_SITUATIONS) expect(situationWords[situation].length, situation).toBeGreaterThan(0);
    for (const p of procedures.filter((p) => p.situations)) {
      for (const s of p.situations!) expect(PROCEDURE_SITUATIONS).toContain(s);
    }
  });
});

describe('the situation rule, on entries of our own', () => {
  const base = { category: 'sante', audience: 'Pour les essais du matcher.', steps: ['Une étape assez longue.'], website: 'https://example.fr', cost: 'Gratuit', franceServicesCanHelp: true, aidantsConnect: false, source: 'https://example.fr', reviewedAt: '2026-11-24' } as const;
  const general = procedureSchema.parse({ ...base, id: 'badge', title: 'Mon badge', synonyms: ['badge', 'badge de la residence', 'mon badge'] });
  const lost = procedureSchema.parse({ ...base, id: 'badge-perdu', title: 'Badge à refaire', situations: ['lost', 'stolen'], synonyms: ['badge', 'badge perdu', 'refaire mon badge'] });
  const entries: Procedure[] = [general, lost];

  it('prefers the entry for the situation the message states', () => {
    const m = createProcedureMatcher(entries, situationReaderOf(situationWords));
    expect(m.match("j'ai égaré mon badge")).toMatchObject({ type: 'found', procedure: { id: 'badge-perdu' } });
    expect(m.match('on m a vole mon badge')).toMatchObject({ type: 'found', procedure: { id: 'badge-perdu' } });
  });

  it('gives way to the general entry when no situation is stated, or another one', () => {
    const m = createProcedureMatcher(entries, situationReaderOf(situationWords));
    expect(m.match('badge')).toMatchObject({ type: 'found', procedure: { id: 'badge' } });
    expect(m.match('mot de passe du badge')).toMatchObject({ type: 'found', procedure: { id: 'badge' } });
  });

  it('without situation words, never reads a situation: the general entry keeps the shared words, the other its own', () => {
    const m = createProcedureMatcher(entries);
    expect(m.match('badge')).toMatchObject({ type: 'found', procedure: { id: 'badge' } });
    expect(m.match("j'ai perdu mon badge")).toMatchObject({ type: 'found', procedure: { id: 'badge-perdu' } });
    expect(m.match("j'ai égaré mon badge")).toMatchObject({ type: 'found', procedure: { id: 'badge' } });
  });

  it('refuses a situation it does not know', () => {
    expect(procedureSchema.safeParse({ ...base, id: 'x', title: 'Xxx', synonyms: ['aaa', 'bbb', 'ccc'], situations: ['forgotten'] }).success).toBe(false);
    expect(procedureSchema.safeParse({ ...base, id: 'x', title: 'Xxx', synonyms: ['aaa', 'bbb', 'ccc'], situations: [] }).success).toBe(false);
  });
});
