// Builds what a question says, rung by rung: the question, then rephrased, then simplified, then a person offered.
// Each rung has a wording for the ear when the flow gives one (the phone reads `voice`, other channels `text`).
import type { OfferedChoice, OutboundMessage } from './message.js';
import type { Vars } from './effects.js';
import type { ChoiceStep, InputStep, ParsedFlow, StepOption } from './flow-schema.js';
import { fillTemplate } from './template.js';

type Question = ChoiceStep | InputStep;

/**
 * The options on offer on the conversation's channel. One whose label reads empty (a template with nothing to
 * fill) is not offered. Labels are filled in, so that a person can also answer with the words they read ("Mende").
 */
export function offeredOptions(step: ChoiceStep, vars: Vars): StepOption[] {
  const channel = vars['channel'] ?? '';
  const options = step.options.some((o) => o.channels) ? step.options.filter((o) => !o.channels || o.channels.includes(channel as never)) : step.options;
  if (!options.some((o) => o.label.includes('{'))) return options;
  return options.map((o) => ({ ...o, label: fillTemplate(o.label, vars).trim() })).filter((o) => o.label !== '');
}

const numberedList = (options: StepOption[]): string => options.map((o) => `${o.key} - ${o.label}`).join('\n');

/** The choices as channels render them: the words a person may say go to speech recognisers as hints. */
function offeredChoice(option: StepOption, vars: Vars): OfferedChoice {
  const words = option.synonyms.flatMap((s) => (s === '@oui' ? ['oui'] : s === '@non' ? ['non'] : [s]));
  return {
    id: option.id,
    key: option.key,
    label: option.label,
    ...(option.voiceLabel ? { spoken: fillTemplate(option.voiceLabel, vars) } : {}),
    ...(words.length ? { words } : {}),
  };
}

/**
 * How the question is asked again: `rephrase` after a wrong answer, `repeat` after silence (« I did not hear you »,
 * then the same words), `again` after a misheard answer was corrected (the same words, nothing before).
 */
export type Reprompt = 'rephrase' | 'repeat' | 'again';

/**
 * The message for a question at a given rung of the reprompt ladder:
 * 0 the question, 1 the rephrasing (or, after silence or a correction, the question again), 2 numbered options (or an example
 * for free input), 3+ a person offered.
 */
export function questionMessage(flow: ParsedFlow, step: Question, vars: Vars, attempts: number, reprompt: Reprompt = 'rephrase'): OutboundMessage {
  const { texts, voiceTexts } = flow;
  const rung = Math.min(attempts, 3);
  const written: [string, string | undefined][] =
    rung === 0 || (rung === 1 && reprompt !== 'rephrase')
      ? [[step.text, step.voice]]
      : rung === 1
        ? [[step.rephrase, step.voiceRephrase]]
        : rung === 2
          ? [step.type === 'choice' ? [texts.numberedOptionsIntro, voiceTexts.numberedOptionsIntro] : [step.hint, step.voiceHint]]
          : [
              [texts.offerPerson, voiceTexts.offerPerson],
              step.type === 'choice' ? [texts.numberedOptionsIntro, voiceTexts.numberedOptionsIntro] : [step.hint, step.voiceHint],
            ];
  if (reprompt === 'repeat' && rung > 0 && texts.noInput) written.unshift([texts.noInput, voiceTexts.noInput]);
  const lead = fillTemplate(written.map(([text]) => text).join('\n'), vars);
  const voice = written.some(([, v]) => v) ? fillTemplate(written.map(([text, v]) => v ?? text).join('\n'), vars) : undefined;
  if (step.type === 'input') return { text: lead, ...(voice ? { voice } : {}) };
  const options = offeredOptions(step, vars);
  return {
    text: step.namesItsAnswers && rung === 0 ? lead : `${lead}\n${numberedList(options)}`,
    lead,
    ...(voice ? { voice } : {}),
    choices: options.map((o) => offeredChoice(o, vars)),
  };
}
