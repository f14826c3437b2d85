// Draws a flow as a Mermaid diagram, so that a person can review a journey without reading its data.
import { transitionsOf } from './flow.js';
import type { ParsedFlow, Step } from './flow-schema.js';

const SHAPES: Record<Step['type'], [string, string]> = {
  say: ['[', ']'],
  choice: ['{', '}'],
  input: ['[/', '/]'],
  invoke: ['[[', ']]'],
  callback: ['([', '])'],
  connect: ['>', ']'],
  branch: ['{{', '}}'],
  end: ['((', '))'],
};

const quote = (text: string) => `"${text.replace(/"/g, "'").replace(/\n/g, ' ').slice(0, 60)}"`;

export function flowToMermaid(flow: ParsedFlow): string {
  const lines = [`flowchart TD`, `  %% ${flow.id}: ${flow.title}`];
  for (const [id, step] of Object.entries(flow.steps)) {
    const [open, close] = SHAPES[step.type]!;
    const caption = step.type === 'invoke' ? `${id}: ${step.service}` : step.type === 'branch' ? `${id}: ${step.on} ?` : `${id}: ${'text' in step ? step.text : ''}`;
    lines.push(`  ${id}${open}${quote(caption)}${close}`);
  }
  for (const [id, step] of Object.entries(flow.steps)) {
    for (const t of transitionsOf(step)) lines.push(t.label ? `  ${id} -->|${quote(t.label)}| ${t.to}` : `  ${id} --> ${t.to}`);
  }
  return lines.join('\n') + '\n';
}
