// Confirming what a speech recogniser was unsure of: the question that says it back, and reading the answer.
// Misheard answers would send a person down the wrong path; a yes or a no costs one short exchange.
import type { ParsedFlow, StepOption } from './flow-schema.js';
import type { InboundContent, OutboundMessage } from './message.js';
import { matchOption } from './nlu/match.js';
import { fillTemplate } from './template.js';

export type ConfirmWording = NonNullable<ParsedFlow['texts']['confirmHeard']>;

/** « J'ai compris : « Annecy ». C'est bien ça ? », with yes and no on keys 1 and 2. */
export function confirmQuestion(confirm: ConfirmWording, heard: string): OutboundMessage {
  const lead = fillTemplate(confirm.question, { heard });
  return {
    text: `${lead}\n1 - ${confirm.yes}\n2 - ${confirm.no}`,
    lead,
    choices: [
      { id: 'yes', key: '1', label: confirm.yes, words: ['oui'] },
      { id: 'no', key: '2', label: confirm.no, words: ['non'] },
    ],
  };
}

/** The answer to the confirmation: yes, no (silence counts as no), or something else, to be read as a new answer. */
export function confirmVerdict(confirm: ConfirmWording, content: InboundContent): 'yes' | 'no' | 'other' {
  const options: StepOption[] = [
    // The yes and no words the matcher already knows: no French of its own here.
    { id: 'yes', key: '1', label: confirm.yes, synonyms: ['@oui'], next: '-' },
    { id: 'no', key: '2', label: confirm.no, synonyms: ['@non'], next: '-' },
  ];
  const picked =
    content.type === 'choice'
      ? options.find((o) => o.id === content.choiceId || o.key === content.choiceId)
      : content.type === 'text'
        ? matchOption(content.text, options)
        : undefined;
  if (content.type === 'silence') return 'no';
  return (picked?.id as 'yes' | 'no' | undefined) ?? 'other';
}
