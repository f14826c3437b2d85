// `understand`: turns a reading of a free sentence (src/knowledge/understanding/) into where the conversation goes,
// so that a person who says it all in one message is answered at once instead of walked through the menu.
// The reader behind the port may change (issue 18); the outcomes below do not.
import type { ServiceResult, Vars } from '../engine/effects.js';
import { procedureVars } from './flow-services.js';
import type { Procedure } from './procedure-schema.js';
import { normalizeFrench } from '../engine/nlu/normalize.js';
import { hasAny, type PhraseList } from './understanding/phrases.js';
import type { Reading, ReadingContext, UnderstandingReader } from './understanding/reading.js';

/** A person who says they hear badly is answered by SMS, not called back. */
const inWriting = (r: Reading): Vars => (r.constraints.includes('hearing') ? { answerInWriting: 'yes' } : {});

/** What a person says that rules out doing a procedure online alone. */
const OFFLINE = new Set(['noInternet', 'noDevice']);

/** How many communes the flow's « which one? » question can offer (commune1…commune6). */
const MAX_PLACE_CHOICES = 6;

/**
 * Input `text` (and `departement`, the platform's, when a call was transferred). Outcomes: `scamNow` (codes or money
 * gone, a scammer on the line), `scam`, `callback` (asked to be called back), `person` (a person now), `relative`
 * (help for someone else: `location`, `need`, `carerNeed`, `carerSupport` when said), `procedure` (vars of the
 * procedure), `procedureAmbiguous` (two candidates), `procedureSituation` (the entry found does not cover what
 * happened, a lost card: `situationText`, and a France Services helps), `nearest` (a place is known: `location`, `need`), `whichPlace`
 * (homonyms far apart: `commune1`… and `commune1Code`…, as the place search's own question), `locate` (a place is wanted, where is not said: `need`),
 * `learn`, `notUnderstood`. A named place is kept in `location` whatever the outcome, so it is not asked again.
 */
export function understandService(deps: {
  reader: UnderstandingReader;
  procedures: Procedure[];
  carerNeedPhrases: Record<string, string>;
  situationPhrases: Record<string, string>;
  /** The words naming each device the assessment asks about (« smartphone »): said at first, it is not asked. */
  equipmentWords?: Record<string, PhraseList>;
}) {
  const byId = new Map(deps.procedures.map((p) => [p.id, p]));
  return async (input: Vars, context?: { address?: string; channel?: string; departement?: string; mayHold?: boolean }): Promise<ServiceResult> => {
    const readingContext: ReadingContext = {
      ...(context?.channel ? { channel: context.channel } : {}),
      ...(context?.address ? { from: context.address } : {}),
      ...(input['departement'] ? { departement: input['departement'] } : {}),
      ...(context?.departement ? { conversationDepartement: context.departement } : {}),
      ...(context?.mayHold ? { mayHold: true } : {}),
    };
    const reading = await deps.reader.read(input['text'] ?? '', readingContext);
    const result = outcomeOf(reading, input['text'] ?? '');
    // « Je suis malentendant »: on the phone, everything after is said slower (as after « plus lentement »).
    if (!reading.constraints.includes('hearing')) return result;
    return { ...result, vars: { ...result.vars, slower: String(Math.max(1, Number(input['slower'] || 0))) } };
  };

  /** The device named in the first message, unless the person says they have none (« je n'ai pas d'ordinateur »). */
  function equipmentSaid(r: Reading, text: string): Vars {
    if (r.constraints.includes('noDevice') || !deps.equipmentWords) return {};
    const said = normalizeFrench(text);
    const found = Object.entries(deps.equipmentWords).find(([, words]) => hasAny(said, words));
    return found ? { equipment: found[0] } : {};
  }

  function outcomeOf(r: Reading, text: string): ServiceResult {
    // The day asked about goes with the place: every search that follows gives that day's hours.
    const day: Vars = r.weekday !== undefined ? { askedDay: String(r.weekday) } : {};
    const place: Vars = { ...(r.location ? { location: r.location.query } : {}), ...day };
    const need: Vars = r.need ? { need: r.need } : {};
    const procedure = r.procedureId ? byId.get(r.procedureId) : undefined;
    switch (r.intent) {
      case 'scam':
        return { outcome: r.urgency === 'now' ? 'scamNow' : 'scam', vars: place };
      // « Je suis sourde, je ne peux pas téléphoner »: the person who takes the request answers in writing.
      case 'callback':
        return { outcome: 'callback', vars: { ...place, ...inWriting(r) } };
      case 'person':
        return { outcome: 'person', vars: { ...place, ...inWriting(r) } };
      case 'relative': {
        // A name several communes bear far apart is kept as said: the caregiver's search then asks the postal code.
        const said = r.location ? place : r.locationChoices?.[0] ? { location: r.locationChoices[0].name } : {};
        const carer: Vars = { forWhom: 'relative', ...said };
        // A procedure named for the relative (« sa déclaration d'impôts ») is a need for démarches: not asked again.
        const carerNeed = r.need ?? (procedure ? 'demarches' : undefined);
        if (carerNeed && deps.carerNeedPhrases[carerNeed]) Object.assign(carer, { need: carerNeed, carerNeed: deps.carerNeedPhrases[carerNeed]!, carerNeedKnown: 'yes' });
        if (r.constraints.includes('carerExhausted')) carer['carerSupport'] = 'yes';
        return { outcome: 'relative', vars: carer };
      }
      case 'procedure': {
        if (!procedure) return { outcome: 'notUnderstood' };
        const alternative = r.alternativeProcedureId ? byId.get(r.alternativeProcedureId) : undefined;
        if (alternative) {
          return { outcome: 'procedureAmbiguous', vars: { ...place, candidate1Id: procedure.id, candidate1: procedure.title, candidate2Id: alternative.id, candidate2: alternative.title } };
        }
        if (r.situationNotCovered) {
          return { outcome: 'procedureSituation', vars: { ...place, need: 'demarches', situationText: deps.situationPhrases[r.situation ?? ''] ?? '' } };
        }
        // The online steps are no use to someone without internet or a computer (« je n'ai pas internet »), nor the
        // answer to someone who asks where to get it done, and says where they are (« quelqu'un pour m'aider à faire
        // ma déclaration, à Rodez »): the places near them that do it with them are.
        const offline = r.constraints.some((c) => OFFLINE.has(c));
        const asksWhere = r.need === 'demarches' && r.location !== undefined;
        const inPerson: Vars = offline || asksWhere ? { inPerson: 'yes', need: 'demarches' } : {};
        return { outcome: 'procedure', vars: { ...place, ...inPerson, ...procedureVars(procedure) } };
      }
      case 'place':
      case 'learn':
      case 'equipment': {
        const wanted: Vars = { ...need, ...(r.intent === 'equipment' ? { need: 'materiel' } : {}) };
        if (r.location) return { outcome: 'nearest', vars: { ...place, ...wanted } };
        if (r.locationChoices?.length) {
          const choices: Vars = { ...wanted, ...day };
          for (let i = 0; i < MAX_PLACE_CHOICES; i++) {
            const c = r.locationChoices[i];
            // Every slot is written, so that no commune of an earlier question is offered again.
            choices[`commune${i + 1}`] = c ? (c.postalCode ? `${c.name} (${c.postalCode})` : c.name) : '';
            choices[`commune${i + 1}Code`] = c?.query ?? '';
          }
          return { outcome: 'whichPlace', vars: choices };
        }
        if (r.intent === 'learn') return { outcome: 'learn', vars: { ...wanted, ...equipmentSaid(r, text) } };
        return { outcome: 'locate', vars: { need: 'demarches', ...wanted, ...day } };
      }
      case 'unknown':
        return { outcome: 'notUnderstood' };
    }
  }
}
