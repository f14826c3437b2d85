// Finds the place a sentence names, if any: a postal code (typed or said), a commune named after a cue word
// (« j'habite à Mende », « au Puy-en-Velay »), or a commune typed alone. Reads the whole sentence: a month is not a
// commune (« décédé au mois de mars »), and among homonyms the one that fits what else is known is preferred; when
// homonyms far apart fit equally, they are returned to be asked about rather than guessed.
import { farHomonyms, likelyDepartements } from '../../directory/homonyms.js';
import { spokenDigits } from '../../directory/spoken-numbers.js';
import { communeNames, normalizePlaceName } from '../../directory/normalize.js';
import type { Commune, Directory } from '../../directory/types.js';
import { meaningfulWords } from '../../engine/nlu/normalize.js';
import type { ReadPlace, ReadingContext } from './reading.js';

export interface PlaceVocabulary {
  placeCues: string[];
  placeArticles: Record<string, string>;
  monthWords: string[];
  placeStops: string[];
  everydayPlaceNouns: string[];
  landlineDepartements: Record<string, string[]>;
}

export interface FoundPlace {
  location?: ReadPlace;
  choices?: ReadPlace[];
  /** The words that named it (normalised), so that the rest of the sentence is read without them. */
  said?: string;
}

/** Homonyms offered at most: more would not fit one SMS. */
const MAX_CHOICES = 3;
/** The longest commune name, in words, looked for in a sentence. */
const MAX_NAME_WORDS = 7;
/** Words of a message searched for a commune name, at most. */
const MAX_SENTENCE_WORDS = 120;
/** Commune names looked up in one message, at most. */
const MAX_PLACE_LOOKUPS = 64;

export function placeReader(directory: Directory, v: PlaceVocabulary) {
  const cues = v.placeCues.map((c) => c.split(' '));
  const cueWords = new Set(cues.flat());

  const placeOf = (c: Commune): ReadPlace => ({ query: `${c.name} ${c.postalCodes[0] ?? ''}`.trim(), name: c.name, ...(c.postalCodes[0] ? { postalCode: c.postalCodes[0] } : {}) });

  async function byPostalCode(raw: string, postalCode: string): Promise<FoundPlace | undefined> {
    const found = await directory.geocode(`${raw} ${postalCode}`, { strict: true });
    if (found.type !== 'found') return undefined;
    // Several communes share the code and none was named: keep the code, the search asks which one.
    if (found.others?.length) return { location: { query: postalCode, name: '', postalCode } };
    return { location: { query: `${found.commune.name} ${postalCode}`, name: found.commune.name, postalCode } };
  }

  /**
   * Every run of words after a cue (or the whole message, or a name written with its hyphens: « mes impôts
   * Bourg-en-Bresse ») that is exactly a commune's name, longest first.
   */
  function candidates(words: string[], hyphenated: Set<string>): { run: string; cued: boolean; alone: boolean }[] {
    const out: { run: string; cued: boolean; alone: boolean }[] = [];
    for (let start = 0; start < words.length; start++) {
      const cue = cues.find((c) => c.length <= start && c.every((w, k) => words[start - c.length + k] === w));
      const before = words[start - 1] ?? '';
      for (let size = Math.min(MAX_NAME_WORDS, words.length - start); size >= 1; size--) {
        const run = words.slice(start, start + size);
        if (v.placeStops.includes(run[0]!)) continue;
        // « France Services vers Figeac »: a cue word alone is not the commune of Vers.
        if (size === 1 && cueWords.has(run[0]!)) continue;
        const rest = [...words.slice(0, start), ...words.slice(start + size)];
        const alone = meaningfulWords(rest.join(' ')).every((w) => /^\d+$/.test(w) || GREETINGS.has(w));
        if (!cue && !alone && !hyphenated.has(run.join(' '))) continue;
        if (isDate(words, start, size)) continue;
        const article = v.placeArticles[before];
        if (cue && article) out.push({ run: [article, ...run].join(' '), cued: true, alone });
        out.push({ run: run.join(' '), cued: Boolean(cue), alone });
      }
    }
    return out;
  }

  /** « au mois de mars », « le 3 mars », « en avril 2024 »: a month, not Mars nor Avril. */
  function isDate(words: string[], start: number, size: number): boolean {
    if (size !== 1 || !v.monthWords.includes(words[start]!)) return false;
    const before = words[start - 1] ?? '';
    const after = words[start + 1] ?? '';
    return ['de', 'd', 'en', 'depuis', 'fin', 'debut', 'mi', 'mois'].includes(before) || /^\d+$/.test(before) || /^\d+$/.test(after) || words.includes('mois');
  }

  async function byName(raw: string, context: ReadingContext): Promise<FoundPlace | undefined> {
    // The first words only: a place is named early, and each candidate run is checked against the whole sentence.
    const words = normalizePlaceName(raw).split(' ').filter(Boolean).slice(0, MAX_SENTENCE_WORDS);
    // A department said beside the commune (« Saint-Denis de la Réunion ») comes before any guess from the number.
    const prefer = [...new Set([...(directory.departementsNamedIn?.(raw) ?? []), ...likelyDepartements(v.landlineDepartements, context)])];
    // A few lookups at most: a long message must not cost a directory search per word (a hostile 65,536-character
    // text once took seconds).
    const hyphenated = new Set((raw.match(HYPHENATED_NAME) ?? []).map(normalizePlaceName));
    const capitalised = new Set((raw.match(CAPITALISED_WORD) ?? []).map(normalizePlaceName));
    for (const { run, cued, alone } of candidates(words, hyphenated).slice(0, MAX_PLACE_LOOKUPS)) {
      // « à L'Hôpital », « à Mer »: an everyday place is a commune when written as a name.
      if (!alone && everydayNoun(run) && !capitalised.has(run) && !capitalised.has(run.split(' ').at(-1)!)) continue;
      // A name said without its end (« à Cherbourg »), after a cue and written with its capital: « à pied » is no
      // short form of Pied-de-Borne.
      const shortName = cued && capitalised.has(run.split(' ')[0]!);
      const found = await directory.geocode(run, { strict: true, shortName, ...(prefer.length ? { prefer } : {}) });
      if (found.type !== 'found') continue;
      // The run must be one of the commune's names, not a part of one (an arrondissement's short name counts).
      if (found.matchedBy !== 'short-name' && !communeNames(normalizePlaceName(found.commune.name)).includes(run)) continue;
      const first = found.commune;
      const rivals = farHomonyms(first, found.homonyms ?? [], prefer);
      if (rivals.length) return { choices: [first, ...rivals].slice(0, MAX_CHOICES).map(placeOf), said: run };
      return { location: placeOf(first), said: run };
    }
    return undefined;
  }

  /** « l hopital », « campagne »: an everyday place, with or without its article. */
  const everydayNoun = (run: string) => v.everydayPlaceNouns.includes(run.replace(/^(?:l|la|le|les) /, ''));

  return {
    async find(raw: string, context: ReadingContext = {}): Promise<FoundPlace> {
      const typed = /(?:^|\D)(\d{2}) ?(\d{3})(?:\D|$)/.exec(raw);
      if (typed) {
        const found = await byPostalCode(raw, typed[1]! + typed[2]!);
        if (found) return found;
      }
      // Said on the phone: « quatre huit six zéro zéro », « je suis au quarante-huit mille ».
      const spoken = spokenDigits(raw);
      if (spoken?.length === 5) {
        const found = await byPostalCode(raw, spoken);
        if (found) return found;
      }
      return (await byName(raw, context)) ?? {};
    },
  };
}

/** Words joined by hyphens (« Bourg-en-Bresse », « Saint-Flour »): how a commune's name is written, rarely anything else. */
const HYPHENATED_NAME = /[\p{L}']+(?:-[\p{L}']+)+/gu;
/** A word written with a capital initial. */
const CAPITALISED_WORD = /(?<![\p{L}'])\p{Lu}[\p{L}']*/gu;

const GREETINGS = new Set(['bonjour', 'bonsoir', 'salut', 'svp', 'merci', 'stp', 'bjr', 'slt']);
