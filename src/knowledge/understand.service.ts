// `understand`: reads a free sentence for everything it says at once — a procedure, a place, a worry about a scam —
// so that a person who says it all in one message is answered at once instead of walked through the menu.
import { spokenDigits } from '../directory/spoken-numbers.js';
import type { ServiceResult, Vars } from '../engine/effects.js';
import { normalizeFrench } from '../engine/nlu/normalize.js';
import type { Directory } from '../directory/types.js';
import { procedureVars } from './flow-services.js';
import type { ProcedureMatcher } from './match-procedure.js';
import type { Procedure } from './procedure-schema.js';


/** Commune names tried in one message, at most. */
const MAX_PLACE_LOOKUPS = 12;
export interface UnderstandingVocabulary {
  scamWords: string[];
  relativeWords: string[];
  needWords: Record<string, string[]>;
  placeCues: string[];
  placeStops: string[];
}

const contains = (text: string, phrase: string) => ` ${text} `.includes(` ${normalizeFrench(phrase)} `);

/**
 * Input `text`. Outcomes: `scam`, `relative` (help for someone else; `location` if named), `procedure` (vars of the procedure), `procedureAmbiguous` (two candidates),
 * `nearest` (a place was named: vars `location` and `need`), `notUnderstood`. A named place is kept in `location`
 * whatever the outcome, so that later questions about it are skipped.
 */
export function understandService(deps: { directory: Directory; matcher: ProcedureMatcher; vocabulary: UnderstandingVocabulary; procedures: Procedure[] }) {
  const { vocabulary } = deps;
  return async (input: Vars): Promise<ServiceResult> => {
    const raw = input['text'] ?? '';
    const text = normalizeFrench(raw);
    if (!text) return { outcome: 'notUnderstood' };
    if (vocabulary.scamWords.some((w) => contains(text, w))) return { outcome: 'scam' };

    const location = await findLocation(raw, text);
    const place: Vars = location ? { location } : {};
    // « ma mère à Mende… »: the person to help is not the one writing.
    if (vocabulary.relativeWords.some((w) => contains(text, w))) return { outcome: 'relative', vars: place };
    const procedure = deps.matcher.match(raw);
    if (procedure.type === 'found') return { outcome: 'procedure', vars: { ...place, ...procedureVars(procedure.procedure) } };
    if (procedure.type === 'ambiguous') {
      const [a, b] = procedure.candidates;
      return { outcome: 'procedureAmbiguous', vars: { ...place, candidate1Id: a.id, candidate1: a.title, candidate2Id: b.id, candidate2: b.title } };
    }
    if (location) {
      const need = Object.entries(vocabulary.needWords).find(([, words]) => words.some((w) => contains(text, w)))?.[0] ?? '';
      return { outcome: 'nearest', vars: { location, need } };
    }
    return { outcome: 'notUnderstood' };
  };

  /** A postal code anywhere (typed, or said in words), or a commune named after a cue word ("à", "près de"), checked against the directory. */
  async function findLocation(raw: string, text: string): Promise<string | undefined> {
    const postal = /(?:^|\D)(\d{2}) ?(\d{3})(?:\D|$)/.exec(raw);
    if (postal) return postal[1]! + postal[2]!;
    // Said on the phone: « quatre huit six zéro zéro », « je suis au quarante-huit mille ».
    const spoken = spokenDigits(raw);
    if (spoken?.length === 5 && (await deps.directory.geocode(spoken, { strict: true })).type === 'found') return spoken;
    const words = text.split(' ');
    // Each candidate is looked up once, and a few dozen at most: a long message must not cost a directory search
    // per word (a hostile 65,536-character text took seconds).
    const tried = new Set<string>();
    for (let i = 0; i < words.length && tried.size < MAX_PLACE_LOOKUPS; i++) {
      const cue = vocabulary.placeCues.find((c) => words.slice(i, i + c.split(' ').length).join(' ') === c);
      if (!cue) continue;
      const start = i + cue.split(' ').length;
      let end = start;
      while (end < words.length && end - start < 5 && !vocabulary.placeStops.includes(words[end]!)) end++;
      for (let stop = end; stop > start; stop--) {
        const candidate = words.slice(start, stop).join(' ');
        if (tried.has(candidate) || tried.size >= MAX_PLACE_LOOKUPS) continue;
        tried.add(candidate);
        const found = await deps.directory.geocode(candidate, { strict: true });
        if (found.type === 'found') return found.commune.name;
      }
    }
    return undefined;
  }
}
