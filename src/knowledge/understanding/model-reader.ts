// The model-backed reader: the deterministic reading first, always; a model is asked only when that reading found
// nothing (`unknown`) or guessed (`unsure`), the department has not switched it off and its daily budget allows.
// The model sees the current message, masked, and our intents and procedure titles: never the number that wrote,
// the department or the conversation. It returns a reading in our vocabulary; what is said next comes from our data.
// On a timeout, an error, an answer that is not a reading, or no budget left, the deterministic reading stands.
// A channel that would rather hold the turn than wait in silence (the phone) is told so first (`TurnHeld`).
import { TurnHeld, type Clock, type Logger } from '../../conversation/ports.js';
import type { Procedure } from '../procedure-schema.js';
import type { ChatCompletionsClient } from './chat-completions.js';
import { mergedReading, modelInstructions, modelResponseFormat, parseModelAnswer, type ModelReading } from './model-reading.js';
import { maskPrivateData } from './private-data.js';
import type { Reading, ReadingContext, Situation, UnderstandingReader } from './reading.js';

/** How long a person waits at most: on the phone, after « un instant » (the turn held, see `mayHold`), it is shorter. */
export const MODEL_TIME_LIMIT_MS = { written: 2500, voice: 1500 } as const;

/** The characters of a message sent, at most: the deterministic reader reads no further either. */
const MAX_SENT_CHARACTERS = 800;

export interface ModelBudget {
  /** Counts one request for the department today; false when its daily budget is spent (nothing is counted then). */
  take(departement: string, at: number): Promise<boolean>;
  /** Whether a request is left for the department today, counting nothing. */
  hasLeft(departement: string, at: number): Promise<boolean>;
}

export interface ModelReaderDeps {
  deterministic: UnderstandingReader;
  client: ChatCompletionsClient;
  model: string;
  procedures: Pick<Procedure, 'id' | 'title'>[];
  /** Whether the procedure's entry leaves the situation out (a lost card on the app's entry). */
  uncovered: (procedureId: string, situation: Situation) => boolean;
  budget: ModelBudget;
  /** False when the department switched the model off in its settings. */
  enabledFor: (departement: string | undefined) => boolean;
  clock: Clock;
  logger: Logger;
  timeLimitMs?: { written: number; voice: number };
}

/** The budget row of conversations attached to no department. */
export const NO_DEPARTMENT = '-';

export function createModelReader(deps: ModelReaderDeps): UnderstandingReader {
  const ids = new Set(deps.procedures.map((p) => p.id));
  const instructions = modelInstructions(deps.procedures);
  const responseFormat = modelResponseFormat();
  const limits = deps.timeLimitMs ?? MODEL_TIME_LIMIT_MS;

  /** The model's reading of the masked message, or why there is none. */
  async function ask(text: string, limitMs: number): Promise<ModelReading | 'timeout' | 'error' | 'invalid'> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The race bounds the wait even if a client ignored the signal; the abort frees the connection.
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve('timeout');
      }, limitMs);
    });
    const request = deps.client
      .complete(
        {
          model: deps.model,
          messages: [
            { role: 'system', content: instructions },
            { role: 'user', content: maskPrivateData(text.slice(0, MAX_SENT_CHARACTERS)) },
          ],
          response_format: responseFormat,
          temperature: 0,
          max_tokens: 300,
        },
        { signal: controller.signal },
      )
      .then((content) => parseModelAnswer(content, ids) ?? ('invalid' as const))
      .catch(() => (controller.signal.aborted ? ('timeout' as const) : ('error' as const)));
    try {
      return await Promise.race([request, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async read(text: string, context: ReadingContext = {}): Promise<Reading> {
      const first = await deps.deterministic.read(text, context);
      if (first.intent !== 'unknown' && !first.unsure) return first;
      if (!text.trim()) return first;
      const departement = context.conversationDepartement ?? context.departement;
      const log = (outcome: string) => deps.logger.info('understanding.model', { outcome, departement: departement ?? NO_DEPARTMENT, channel: context.channel });
      if (!deps.enabledFor(departement)) return first;
      // The phone holds the turn (« un instant ») and runs it again unheld: the model is asked then, if budget is left.
      if (context.mayHold && (await deps.budget.hasLeft(departement ?? NO_DEPARTMENT, deps.clock.now()))) throw new TurnHeld('model');
      if (!(await deps.budget.take(departement ?? NO_DEPARTMENT, deps.clock.now()))) {
        log('budget');
        return first;
      }
      const answer = await ask(text, context.channel === 'voice' ? limits.voice : limits.written);
      if (typeof answer === 'string') {
        log(answer);
        return first;
      }
      // « I don't know » from the model leaves the deterministic guess as it was.
      if (answer.intent === 'unknown') {
        log('unknown');
        return first;
      }
      // The commune the model heard is looked up in our own directory, as if the person had written only it.
      const place = answer.commune ? await deps.deterministic.read(answer.commune, context) : undefined;
      log('used');
      return mergedReading(first, answer, { ...(place?.location ? { location: place.location } : {}), ...(place?.locationChoices ? { locationChoices: place.locationChoices } : {}) }, deps.uncovered);
    },
  };
}
