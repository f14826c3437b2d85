// Builds what a question says, rung by rung: the question, then rephrased, then simplified, then a person offered.
import type { OutboundMessage } from './message.js';
import type { Vars } from './effects.js';
import type { ChoiceStep, InputStep, ParsedFlow, StepOption } from './flow-schema.js';
import { fillTemplate } from './template.js';

type Question = ChoiceStep | InputStep;

/** The options on offer: one whose label reads empty (a template with nothing to fill) is not offered. */
/** Labels are filled in, so that a person can also answer with the words they read ("Mende"). */
export function offeredOptions(step: ChoiceStep, vars: Vars): StepOption[] {
  if (!step.options.some((o) => o.label.includes('{'))) return step.options;
  return step.options.map((o) => ({ ...o, label: fillTemplate(o.label, vars).trim() })).filter((o) => o.label !== '');
}

const numberedList = (step: ChoiceStep, vars: Vars): string => offeredOptions(step, vars).map((o) => `${o.key} - ${o.label}`).join('\n');

/**
 * The message for a question at a given rung of the reprompt ladder:
 * 0 the question, 1 the rephrasing, 2 numbered options (or an example for free input), 3+ a person offered.
 */
export function questionMessage(flow: ParsedFlow, step: Question, vars: Vars, attempts: number): OutboundMessage {
  const texts = flow.texts;
  const rung = Math.min(attempts, 3);
  let lead: string;
  if (rung === 0) lead = step.text;
  else if (rung === 1) lead = step.rephrase;
  else if (rung === 2) lead = step.type === 'choice' ? texts.numberedOptionsIntro : step.hint;
  else lead = `${texts.offerPerson}\n${step.type === 'choice' ? texts.numberedOptionsIntro : step.hint}`;
  lead = fillTemplate(lead, vars);
  const voice = rung === 0 && step.voice ? fillTemplate(step.voice, vars) : undefined;
  if (step.type === 'input') return { text: lead, ...(voice ? { voice } : {}) };
  return {
    text: `${lead}\n${numberedList(step, vars)}`,
    lead,
    ...(voice ? { voice } : {}),
    choices: offeredOptions(step, vars).map((o) => ({ id: o.id, key: o.key, label: o.label })),
  };
}
