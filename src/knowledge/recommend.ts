// The recommendation rules: from the assessment's answers to the support a person needs, in order, with reasons.
// Pure and in code (not prose), following the field's journey and its seven typical profiles (WeTechCare, Cnav).

export type Equipment = 'none' | 'basic-phone' | 'smartphone' | 'tablet' | 'computer';
export type Comfort = 'never' | 'beginner' | 'ok' | 'expert';
export type Wish = 'procedure' | 'family' | 'health' | 'leisure' | 'office' | 'help-others' | 'nothing';
export type Obstacle = 'cost' | 'confidence' | 'reading' | 'senses' | 'mobility' | 'language' | 'none';
export type Urgency = 'deadline' | 'rights' | 'none';

/** Answers to the assessment; any may be missing, since every question can be skipped. */
export interface AssessmentAnswers {
  equipment?: Equipment;
  internetAtHome?: boolean;
  comfort?: Comfort;
  wish?: Wish;
  obstacle?: Obstacle;
  urgency?: Urgency;
}

/** The support types of the field, from informing to helping peers. */
export type SupportType = 'inform' | 'equip' | 'assist' | 'train-basics' | 'train-theme' | 'drop-in' | 'volunteer';

/** Where the person is sent next. */
export type Route = 'france-services' | 'workshop' | 'equipment' | 'drop-in' | 'volunteer';

export type Reason =
  | 'urgent-procedure'
  | 'no-equipment'
  | 'not-ready-to-learn'
  | 'cost'
  | 'mobility'
  | 'confidence'
  | 'office-skills'
  | 'one-off-procedure'
  | 'wants-to-help'
  | 'beginner'
  | 'already-at-ease'
  | 'reading'
  | 'senses'
  | 'language';

export interface Recommendation {
  supports: SupportType[];
  route: Route;
  urgent: boolean;
  reasons: Reason[];
}

const isNovice = (a: AssessmentAnswers) => a.comfort === 'never' || a.comfort === 'beginner' || a.comfort === undefined;
const lacksEquipment = (a: AssessmentAnswers) => a.equipment === 'none' || a.equipment === 'basic-phone';

export function recommend(a: AssessmentAnswers): Recommendation {
  const urgent = a.urgency === 'deadline' || a.urgency === 'rights';
  const accessibility: Reason[] =
    a.obstacle === 'reading' ? ['reading'] : a.obstacle === 'senses' ? ['senses'] : a.obstacle === 'language' ? ['language'] : [];

  // The hyper-connected: their skills are a resource for others.
  if (a.wish === 'help-others' && (a.comfort === 'ok' || a.comfort === 'expert')) {
    return { supports: ['volunteer'], route: 'volunteer', urgent, reasons: ['wants-to-help'] };
  }
  // The refuser, or anyone with a deadline they cannot meet alone: do it with them first; learning can wait.
  if (urgent && (a.wish === 'nothing' || lacksEquipment(a) || a.comfort === 'never' || accessibility.length > 0)) {
    const reasons: Reason[] = ['urgent-procedure', ...(lacksEquipment(a) ? (['no-equipment'] as const) : []), ...accessibility];
    const supports: SupportType[] = a.wish === 'nothing' ? ['assist'] : ['assist', 'train-basics'];
    return { supports, route: 'france-services', urgent, reasons };
  }
  if (a.wish === 'nothing') {
    return { supports: ['assist', 'inform'], route: 'france-services', urgent, reasons: ['not-ready-to-learn', ...accessibility] };
  }
  // The curious novice with little money: equipment at a solidarity price, then the basics.
  if (a.obstacle === 'cost' && (lacksEquipment(a) || a.internetAtHome === false)) {
    return { supports: ['equip', 'train-basics'], route: 'equipment', urgent, reasons: ['cost', 'no-equipment'] };
  }
  // Without bearings in a village: lessons that come to him (itinerant workshops, a bus, a visit).
  if (a.obstacle === 'mobility') {
    return { supports: ['train-basics', 'drop-in'], route: 'workshop', urgent, reasons: ['mobility', ...(isNovice(a) ? (['beginner'] as const) : [])] };
  }
  // The shy one: a themed workshop, small group, ideally with a friend.
  if (a.obstacle === 'confidence') {
    return { supports: ['train-theme'], route: 'workshop', urgent, reasons: ['confidence'] };
  }
  // The critical one: office software at a workshop.
  if (a.wish === 'office') {
    return { supports: ['train-theme'], route: 'workshop', urgent, reasons: ['office-skills'] };
  }
  // The moderate one: at ease, a single procedure (a passport): a one-off hand at a France Services.
  if (a.wish === 'procedure' && !isNovice(a)) {
    return { supports: ['drop-in', 'assist'], route: 'drop-in', urgent, reasons: ['one-off-procedure'] };
  }
  if (a.wish === 'procedure') {
    return { supports: ['assist', 'train-basics'], route: 'france-services', urgent, reasons: ['beginner', ...accessibility] };
  }
  if (lacksEquipment(a)) {
    return { supports: ['equip', 'train-basics'], route: 'equipment', urgent, reasons: ['no-equipment'] };
  }
  if (isNovice(a)) {
    return { supports: ['train-basics'], route: 'workshop', urgent, reasons: ['beginner', ...accessibility] };
  }
  return { supports: ['train-theme', 'drop-in'], route: 'workshop', urgent, reasons: ['already-at-ease'] };
}
