// Normalises place names and queries: the engine's French normaliser, plus "St"/"Ste" read as "Saint"/"Sainte".
import { normalizeFrench } from '../engine/nlu/normalize.js';

export function normalizePlaceName(text: string): string {
  return normalizeFrench(text).replace(/\bste\b/g, 'sainte').replace(/\bst\b/g, 'saint');
}
