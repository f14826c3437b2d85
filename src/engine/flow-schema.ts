// The shape of a flow, as data: zod validates every flow in flows/ before the engine ever runs it.
import * as z from 'zod';

const STEP_ID = /^[a-z][a-z0-9_]*$/;
const STEP_ID_RULE = 'step ids are snake_case and stable: never positions';
const stepId = z.string().regex(STEP_ID, STEP_ID_RULE);
const frenchText = z.string().trim().min(1, 'French text is missing');
const vars = z.record(z.string(), z.string());

/** A choice offered in a menu. `key` is what a person types or presses; synonyms are everyday words that mean it. */
const option = z.object({
  id: z.string().min(1),
  key: z.string().regex(/^[0-9]$/, 'a choice key is one keypad digit'),
  label: frenchText,
  synonyms: z.array(z.string()).default([]),
  /** Values to remember when this option is chosen (e.g. the need, for a later search). */
  set: vars.optional(),
  /** The label written for the ear (« Réécouter ces adresses » where the text says « Recevoir à nouveau »). */
  voiceLabel: z.string().optional(),
  /** Offered only on these channels (sending the addresses by SMS makes sense during a call, not in an SMS). */
  channels: z.array(z.enum(['sms', 'voice', 'whatsapp'])).optional(),
  next: stepId,
});

const prompt = {
  text: frenchText,
  /** A wording written for the ear, where the text does not read well aloud. */
  voice: z.string().optional(),
  /** First rung of the reprompt ladder: the same question said differently. */
  rephrase: frenchText,
  voiceRephrase: z.string().optional(),
};

const sayStep = z.object({ type: z.literal('say'), text: frenchText, voice: z.string().optional(), next: stepId });

const choiceStep = z.object({
  type: z.literal('choice'),
  ...prompt,
  options: z.array(option).min(1),
  /**
   * Where a free sentence goes when it is not a bare choice ("je dois déclarer mes impôts, je suis à Mende"):
   * an invoke step that understands it. Its `notUnderstood` outcome falls back to the options, then the ladder.
   */
  onFreeText: stepId.optional(),
  /**
   * The text itself names the usual answers (« Répondez PLUS pour d'autres lieux, ou MENU. »): the written message
   * leaves out the numbered list, which comes back from the ladder's first rung. Buttons and keys still offer every
   * option, and every option is still understood by its key and words. Saves an SMS segment after a long answer.
   */
  namesItsAnswers: z.boolean().optional(),
});

const inputStep = z.object({
  type: z.literal('input'),
  ...prompt,
  /** Second rung of the ladder for free input: an example of a good answer. */
  hint: frenchText,
  voiceHint: z.string().optional(),
  capture: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  /** Skip the question when the answer is already known (said in an earlier sentence). */
  skipIfKnown: z.boolean().default(false),
  /**
   * A message after a long silence is still this question's answer, not greeted with « on reprend ? »: for a question
   * that opens a new request (a relay's next person), where nothing old can be mistaken for it.
   */
  answersAfterSilence: z.boolean().default(false),
  /**
   * A pattern (Unicode regular expression) an answer must contain to be taken: « 1 » is not a commune. An answer
   * without it climbs the reprompt ladder.
   */
  accept: z
    .string()
    .refine((p) => {
      try {
        new RegExp(p, 'u');
        return true;
      } catch {
        return false;
      }
    }, 'a valid regular expression')
    .optional(),
  next: stepId,
});

const outcome = z.object({
  text: z.string().optional(),
  voice: z.string().optional(),
  /** An anonymous event to count for the department (e.g. "white-zone"), recorded with the turn. */
  signal: z.string().regex(/^[a-z][a-z-]*$/).optional(),
  /** Values to remember, as templates over the result (an answer to give again later). */
  set: vars.optional(),
  next: stepId,
});

const invokeStep = z.object({
  type: z.literal('invoke'),
  service: z.string().min(1),
  /** Templates filled from the conversation's variables, e.g. { query: '{location}' }. */
  input: vars.default({}),
  /** How each returned item reads; `[...]` groups vanish when a variable inside them is empty. */
  itemTemplate: z.string().optional(),
  /** The variables the service may set: the lint checks texts against them. */
  provides: z.array(z.string()).default([]),
  outcomes: z.record(z.string(), outcome).refine((o) => Object.keys(o).length > 0, 'an invoke step needs outcomes'),
});

const callbackStep = z.object({ type: z.literal('callback'), text: frenchText, voice: z.string().optional(), next: stepId });

/**
 * Puts the person through to someone, on a channel that can (the phone): `number` and `whisper` (what whoever
 * answers hears first: a one-line summary) are templates. Waits for the channel to say how it went; an empty
 * number goes straight to `failed`.
 */
const connectStep = z.object({
  type: z.literal('connect'),
  text: frenchText,
  voice: z.string().optional(),
  number: z.string().min(1),
  whisper: frenchText,
  answered: stepId,
  failed: stepId,
});

/** Goes on by the value of a variable (the channel, an answer): no message, no question. */
const branchStep = z.object({ type: z.literal('branch'), on: z.string().min(1), cases: z.record(z.string(), stepId), otherwise: stepId });

const endStep = z.object({ type: z.literal('end'), text: frenchText, voice: z.string().optional() });

export const stepSchema = z.discriminatedUnion('type', [sayStep, choiceStep, inputStep, invokeStep, callbackStep, connectStep, branchStep, endStep]);

/** Words that trigger the built-in commands. Data, so that each flow can read them in its own language. */
const commandWords = z.object({
  help: z.array(z.string()).min(1),
  restart: z.array(z.string()).min(1),
  optOut: z.array(z.string()).min(1),
  optIn: z.array(z.string()).min(1),
  erase: z.array(z.string()).min(1),
  /** Say again what was just said (on the phone, also the star key). */
  repeat: z.array(z.string()).default([]),
  /** Speak more slowly from now on (the phone). */
  slower: z.array(z.string()).default([]),
  /** The full privacy notice (the welcome gives its short form): the conversation does not move. */
  info: z.array(z.string()).default([]),
});

/** The texts of the built-in behaviours every flow has. */
const builtInTexts = z.object({
  help: frenchText,
  optOut: frenchText,
  optIn: frenchText,
  erase: frenchText,
  resume: frenchText,
  flowChanged: frenchText,
  numberedOptionsIntro: frenchText,
  offerPerson: frenchText,
  unsupportedContent: frenchText,
  /** Said before the question again when the person said nothing (the phone's no-input ladder). */
  noInput: frenchText.optional(),
  /** Said, with a callback request recorded, when the person stays silent after the ladder's last rung: the session ends. */
  goneSilent: frenchText.optional(),
  /** The full privacy notice, given on the `info` command: what is kept, how long, how to erase it or stop. */
  privacy: frenchText.optional(),
  /** Asked when a speech recogniser was unsure: `{heard}` is what it heard. Without it, nothing is confirmed. */
  confirmHeard: z.object({ question: frenchText, yes: frenchText, no: frenchText }).optional(),
});

export const flowSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    title: frenchText,
    start: stepId,
    /** Where someone who comes back after the end, or asks for the menu, lands (skips the welcome). */
    menu: stepId,
    /** Silence after which a conversation is resumed with a greeting rather than continued mid-question. */
    sessionTimeoutHours: z.number().positive().default(24),
    commands: commandWords,
    texts: builtInTexts,
    /** The built-in texts written for the ear, where the written ones do not read well aloud. */
    voiceTexts: builtInTexts.partial().default({}),
    /**
     * Per channel, where the help command leads instead of recording a callback (on the phone: to a person, now).
     * The reprompt ladder's last rung leads there too, once per session.
     */
    helpSteps: z.partialRecord(z.enum(['sms', 'voice', 'whatsapp']), stepId).default({}),
    /**
     * What wins over the question asked, named by the conversation (a scam in progress): where it leads, except on
     * steps whose id starts with one of `unlessAt` (already on that journey).
     */
    interrupts: z.record(z.string(), z.object({ next: stepId, unlessAt: z.array(z.string()).default([]) })).default({}),
    /** A position shared while a choice is asked (WhatsApp): kept in `capture`, then the flow goes on at `next`. */
    onLocation: z.object({ capture: z.string().regex(/^[a-z][a-zA-Z0-9]*$/), next: stepId }).optional(),
    steps: z.record(z.string(), stepSchema),
  })
  .superRefine((flow, ctx) => {
    for (const id of Object.keys(flow.steps)) {
      if (!STEP_ID.test(id)) ctx.addIssue({ code: 'custom', message: `"${id}": ${STEP_ID_RULE}`, path: ['steps', id] });
    }
    for (const id of [flow.start, flow.menu, ...Object.values(flow.helpSteps), ...Object.values(flow.interrupts).map((i) => i.next), ...(flow.onLocation ? [flow.onLocation.next] : [])]) {
      if (!flow.steps[id]) ctx.addIssue({ code: 'custom', message: `unknown step "${id}"`, path: ['start'] });
    }
  });

export type FlowDefinition = z.input<typeof flowSchema>;
export type ParsedFlow = z.output<typeof flowSchema>;
export type Step = z.output<typeof stepSchema>;
export type ChoiceStep = Extract<Step, { type: 'choice' }>;
export type InputStep = Extract<Step, { type: 'input' }>;
export type InvokeStep = Extract<Step, { type: 'invoke' }>;
export type StepOption = ChoiceStep['options'][number];
