// Fills flow texts with the conversation's variables. `{name}` is replaced; `[...]` is an optional group
// that disappears when any variable inside it is empty, so a place without a phone reads naturally.
// `{name?}` inside a group is a condition only: it prints nothing but keeps the group only when `name` is set.
// `{de:name}` and `{a:name}` put « de » or « à » before a place's name as French says it (see withPreposition).
import type { Vars } from './effects.js';

/** A variable in a template: `{name}`, `{name?}`, `{de:name}`, `{a:name}`. */
const VARIABLE = /\{(?:(de|a):)?(\w+)(\?)?\}/g;

/**
 * « de » or « à » before a place's name, contracted as French does: d'Aurillac, du Havre, au Mans, aux Abymes; a
 * name that begins with « La » or « L' » keeps its article (de La Rochelle, à L'Isle-Adam). A name beginning with
 * « H » is left alone: whether its h is silent is a matter of the name.
 */
export function withPreposition(preposition: 'de' | 'a', name: string): string {
  const de = preposition === 'de';
  if (name.startsWith('Le ')) return `${de ? 'du' : 'au'} ${name.slice(3)}`;
  if (name.startsWith('Les ')) return `${de ? 'des' : 'aux'} ${name.slice(4)}`;
  if (de && /^[AEIOUYÂÊÎÔÛÉÈËÏÜaeiouyéè]/.test(name)) return `d'${name}`;
  return `${de ? 'de' : 'à'} ${name}`;
}

export function fillTemplate(template: string, vars: Vars): string {
  // Innermost groups first, so that a group may hold another: "[near {a}[, tel. {b}]]".
  let text = template;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\[([^\[\]]*)\]/g, (_, group: string) => {
      const names = [...group.matchAll(VARIABLE)].map((m) => m[2]!);
      return names.every((n) => (vars[n] ?? '').trim() !== '') ? group.replace(/\{\w+\?\}/g, '') : '';
    });
  }
  return text.replace(VARIABLE, (whole, preposition: 'de' | 'a' | undefined, name: string, condition: string | undefined) => {
    if (condition) return whole;
    const value = vars[name] ?? '';
    return preposition && value ? withPreposition(preposition, value) : value;
  });
}

/** The variable names a template reads. Used by the lint. */
export function templateVariables(template: string): string[] {
  return [...template.matchAll(VARIABLE)].map((m) => m[2]!);
}
