// Relais with the understanding model (behind a loopback fake of OpenAI's API) and Relais without it, started once
// for a test file: the tests compare what a person reads or hears on each.
import { afterAll, beforeAll } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from '../../scripts/fake-openai.js';
import { startTestRelais, type TestRelais } from './relais.js';

/**
 * A request for a teleconsultation in words the deterministic reader does not know (« causer au toubib par
 * l'écran »): the model's tests need a message it sends to the menu. Its own tests check that it still does.
 */
export const UNREADABLE_BY_RULES = "je dois causer au toubib par l'ecran comment on fait";

export interface ModelPair {
  fake: FakeOpenAi;
  withModel: TestRelais;
  withoutModel: TestRelais;
  /** What the Relais with the model logged: event name and fields, as its logger received them. */
  logged: { event: string; fields: unknown }[];
}

/** Registers the file's hooks; the returned object is filled before its tests run. */
export function relaisWithAndWithoutModel(): ModelPair {
  const pair = { logged: [] } as unknown as ModelPair;
  const log = (event: string, fields?: unknown) => void pair.logged.push({ event, fields });
  beforeAll(async () => {
    pair.fake = await startFakeOpenAi();
    [pair.withModel, pair.withoutModel] = await Promise.all([
      startTestRelais({
        openAi: { apiKey: 'sk-test', baseURL: pair.fake.baseURL },
        understanding: { model: 'gpt-test', dailyBudget: 1000 },
        logger: { info: log, warn: log, error: log },
      }),
      startTestRelais(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([pair.withModel.stop(), pair.withoutModel.stop()]);
    await pair.fake.close();
  });
  return pair;
}
