// Fills flow texts with the conversation's variables. `{name}` is replaced; `[...]` is an optional group
// that disappears when any variable inside it is empty, so a place without a phone reads naturally.
// `{name?}` inside a group is a condition only: it prints nothing but keeps the group only when `name` is set.
import type { Vars } from './effects.js';

export function fillTemplate(template: string, vars: Vars): string {
  // Innermost groups first, so that a group may hold another: "[near {a}[, tel. {b}]]".
  let text = template;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\[([^\[\]]*)\]/g, (_, group: string) => {
      const names = [...group.matchAll(/\{(\w+)\??\}/g)].map((m) => m[1]!);
      return names.every((n) => (vars[n] ?? '').trim() !== '') ? group.replace(/\{\w+\?\}/g, '') : '';
    });
  }
  return text.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
}

/** The variable names a template reads. Used by the lint. */
export function templateVariables(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\??\}/g)].map((m) => m[1]!);
}
