// Fills flow texts with the conversation's variables. `{name}` is replaced; `[...]` is an optional group
// that disappears when any variable inside it is empty, so a place without a phone reads naturally.
// `{name?}` inside a group is a condition only: it prints nothing but keeps the group only when `name` is set.
// `{de:name}` and `{a:name}` put « de » or « à » before a place's name as French says it (see withPreposition).
import type { Vars } from './effects.js';
import { remembered } from './remembered.js';

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
  return fillParts(compiled(template), vars);
}

/**
 * A template read once into its parts: every turn fills a few templates, and reading them with regular expressions
 * each time (a pass per nesting level, then the variables) was a twentieth of what a turn allocated. Read by hand
 * because the syntax is Relais's own; `test/engine/template.test.ts` holds it to the regular-expression reading.
 */
type Part = string | { name: string; preposition?: 'de' | 'a'; condition?: string } | { group: Part[]; names: string[] };

const compiled = remembered(parseTemplate, 2_000);

function parseTemplate(template: string): Part[] {
  // Brackets pair as the innermost-first reading pairs them: an unmatched « [ » or « ] » is plain text.
  const root: Part[] = [];
  const open: { parts: Part[]; names: string[] }[] = [];
  let parts = root;
  let text = '';
  const flush = () => {
    if (text) parts.push(text);
    text = '';
  };
  const variable = new RegExp(VARIABLE.source, 'y');
  for (let i = 0; i < template.length; ) {
    const char = template[i]!;
    if (char === '{') {
      variable.lastIndex = i;
      const match = variable.exec(template);
      if (match) {
        flush();
        const [whole, preposition, name, condition] = match as unknown as [string, 'de' | 'a' | undefined, string, string | undefined];
        // A condition prints nothing in a group (`{name?}`); elsewhere, or with a preposition, it stays as written.
        parts.push({ name, ...(preposition ? { preposition } : {}), ...(condition ? { condition: whole } : {}) });
        open.at(-1)?.names.push(name);
        i += whole.length;
        continue;
      }
    } else if (char === '[') {
      flush();
      open.push({ parts: (parts = []), names: [] });
      i++;
      continue;
    } else if (char === ']' && open.length > 0) {
      flush();
      const group = open.pop()!;
      parts = open.at(-1)?.parts ?? root;
      parts.push({ group: group.parts, names: group.names });
      i++;
      continue;
    }
    text += char;
    i++;
  }
  flush();
  // Groups still open at the end were never groups: their bracket is text, their parts belong to what holds them.
  while (open.length > 0) {
    const unclosed = open.pop()!;
    parts = open.at(-1)?.parts ?? root;
    parts.push('[', ...unclosed.parts);
    open.at(-1)?.names.push(...unclosed.names);
  }
  return root;
}

function fillParts(parts: Part[], vars: Vars, inGroup = false): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if ('group' in part) {
      // A group stays only when every variable written directly in it is set (a group inside stands for itself).
      if (part.names.every((n) => (vars[n] ?? '').trim() !== '')) out += fillParts(part.group, vars, true);
    } else if (part.condition !== undefined) out += inGroup && !part.preposition ? '' : part.condition;
    else {
      const value = vars[part.name] ?? '';
      out += part.preposition && value ? withPreposition(part.preposition, value) : value;
    }
  }
  return out;
}

/** The variable names a template reads. Used by the lint. */
export function templateVariables(template: string): string[] {
  return [...template.matchAll(VARIABLE)].map((m) => m[2]!);
}
