// « Un instant » on the phone: a spoken answer the deterministic reader cannot read, when the understanding model
// would be asked, is held — the caller hears « Un instant, s'il vous plaît. » at once, and Twilio is redirected
// (signed, like every webhook) to /twilio/voice/resume, which runs the same turn with the model within 1.5 s.
// Real HTTP, requests signed with the `twilio` library, and the loopback fake of OpenAI's API.
import { describe, expect, it } from 'vitest';
import twilio from 'twilio';
import { modelAnswer, startFakeOpenAi } from '../../scripts/fake-openai.js';
import { postTwilio } from '../support/post.js';
import { relaisWithAndWithoutModel, UNREADABLE_BY_RULES } from '../support/model-pair.js';
import { AUTH_TOKEN, PUBLIC_BASE_URL, startTestRelais, type TestRelais } from '../support/relais.js';

/** Said on the phone; the deterministic reader sends it back to the menu (checked below). */
const MESSY = UNREADABLE_BY_RULES;
const TELECONSULTATION = { reading: modelAnswer({ intent: 'procedure', procedureId: 'teleconsultation' }) };
const HOLD = "Un instant, s'il vous plaît.";
/** The same words as they stand in the TwiML. */
const HOLD_XML = 'Un instant, s&apos;il vous plaît.';

const models = relaisWithAndWithoutModel();
let phone = 0;
const nextPhone = () => `+3361222${String(phone++).padStart(4, '0')}`;

/** What a caller hears after saying `speech` at the menu, on Relais with and without the model. */
async function bothHear(speech: string) {
  const [model, plain] = await Promise.all([models.withModel.call(nextPhone()), models.withoutModel.call(nextPhone())]);
  await Promise.all([model.say(speech), plain.say(speech)]);
  return { model, plain };
}

/** A call driven by hand, one signed request at a time, to replay any of them as Twilio would. */
async function manualCall(relais: TestRelais) {
  const from = nextPhone();
  const callSid = `CA${Date.now().toString(16)}${(phone++).toString(16)}`.padEnd(34, '0');
  const params = { CallSid: callSid, AccountSid: `AC${'0'.repeat(32)}`, From: from, To: '+33939000000', CallStatus: 'in-progress' };
  const start = await postTwilio(relais.url, '/twilio/voice', params);
  const turn = /gather\?turn=(\d+)/.exec(start.body)![1]!;
  const gatherPath = `/twilio/voice/gather?turn=${turn}`;
  return {
    from,
    callSid,
    params,
    gather: (speech: string) => postTwilio(relais.url, gatherPath, { ...params, SpeechResult: speech, Confidence: '0.9' }),
    /** Follows the <Redirect> of a held answer, as Twilio does: its URL, posted with the call's parameters. */
    follow: (twiml: string) => postTwilio(relais.url, redirectPath(twiml), params),
    inbound: () => relais.query<{ body: string }>("select body from messages where contact_address = ? and direction = 'in'", from).map((r) => r.body),
    conversation: () => relais.query<{ version: number; snapshot: string }>('select version, snapshot from conversations where contact_address = ?', from)[0],
  };
}

/** The path (and query) of a held answer's <Redirect>, under the public base URL. */
function redirectPath(twiml: string): string {
  const match = /<Redirect method="POST">([^<]+)<\/Redirect>/.exec(twiml);
  expect(match, twiml).not.toBeNull();
  const url = match![1]!.replaceAll('&amp;', '&');
  expect(url.startsWith(`${PUBLIC_BASE_URL}/twilio/voice/resume?`)).toBe(true);
  return url.slice(PUBLIC_BASE_URL.length);
}

describe('« un instant » while the understanding model reads a spoken answer', () => {
  it('says « un instant » at once, slowly like the rest of the call, then the understood answer', async () => {
    models.fake.answer = () => TELECONSULTATION;
    const before = models.fake.requests.length;
    const { model, plain } = await bothHear(MESSY);
    expect(plain.lastHeard()).toContain("Je n'ai pas bien compris");
    const heard = model.lastHeard().split('\n');
    expect(heard[0]).toBe(HOLD);
    expect(model.lastHeard()).toContain('consultation vidéo');
    expect(models.fake.requests.length - before).toBe(1);
    // The hold is said with the call's own voice and pace, and holds nothing else: a <Say>, then the <Redirect>.
    const hold = model.said.find((s) => s.text === HOLD)!;
    const welcome = model.said[0]!;
    expect([hold.voice, hold.rate]).toEqual([welcome.voice, welcome.rate]);
    const held = model.documents.find((d) => d.includes(HOLD_XML))!;
    expect(held).toMatch(/^<\?xml[^>]*><Response><Say [^>]*><prosody rate="\d+%">Un instant, s&apos;il vous plaît\.<\/prosody><\/Say><Redirect method="POST">[^<]+<\/Redirect><\/Response>$/);
    // The answer after the hold is the one the procedure gets when named plainly.
    const named = await models.withoutModel.call(nextPhone());
    await named.say('comment faire une téléconsultation');
    expect(heard.slice(1).join('\n')).toBe(named.lastHeard());
  });

  it('gives exactly the deterministic outcome when the model is slower than 1.5 s, the request abandoned', async () => {
    models.fake.answer = () => ({ ...TELECONSULTATION, delayMs: 2200 });
    const before = models.fake.requests.length;
    const { model, plain } = await bothHear(MESSY);
    const heard = model.lastHeard().split('\n');
    expect(heard[0]).toBe(HOLD);
    expect(heard.slice(1).join('\n')).toBe(plain.lastHeard());
    const [request] = models.fake.requests.slice(before);
    await expect.poll(() => request!.abandoned, { timeout: 3000 }).toBe(true);
  });

  it('gives exactly the deterministic outcome on a model error', async () => {
    models.fake.answer = () => ({ status: 500 });
    const { model, plain } = await bothHear(MESSY);
    expect(model.lastHeard()).toBe(`${HOLD}\n${plain.lastHeard()}`);
  });

  it('holds nothing the deterministic reader understands, nor keys, nor silence', async () => {
    models.fake.answer = () => TELECONSULTATION;
    const before = models.fake.requests.length;
    const call = await models.withModel.call(nextPhone());
    await call.say("j'ai perdu ma carte d'identité");
    expect(call.lastHeard()).not.toContain(HOLD);
    await call.press('*');
    await call.silence();
    expect(call.documents.join('')).not.toContain('<Redirect');
    expect(models.fake.requests.length).toBe(before);
  });

  it('changes nothing without a key: no « un instant », no redirect', async () => {
    const call = await models.withoutModel.call(nextPhone());
    await call.say(MESSY);
    expect(call.said.map((s) => s.text)).not.toContain(HOLD);
    expect(call.documents.join('')).not.toContain('<Redirect');
    expect(call.lastHeard()).toContain("Je n'ai pas bien compris");
  });

  it('answers a redelivered request of either kind the same, and moves the conversation once', async () => {
    models.fake.answer = () => TELECONSULTATION;
    const before = models.fake.requests.length;
    const call = await manualCall(models.withModel);
    const held = await call.gather(MESSY);
    expect(held.status).toBe(200);
    expect(held.body).toContain(HOLD_XML);
    // Held: nothing written yet, the model not asked yet.
    expect(call.inbound()).toEqual(['[appel]']);
    const start = call.conversation()!;
    expect(models.fake.requests.length).toBe(before);
    expect((await call.gather(MESSY)).body).toBe(held.body);

    const resumed = await call.follow(held.body);
    expect(resumed.status).toBe(200);
    expect(resumed.body).toContain('consultation vidéo');
    const after = call.conversation()!;
    expect(after.version).toBe(start.version + 1);
    // The resume redelivered: the stored answer. The gather redelivered after the turn ran: the same hold, whose
    // redirect gives the stored answer again.
    expect((await call.follow(held.body)).body).toBe(resumed.body);
    expect((await call.gather(MESSY)).body).toBe(held.body);
    expect((await call.follow(held.body)).body).toBe(resumed.body);
    expect(call.conversation()).toEqual(after);
    expect(call.inbound()).toEqual(['[appel]', MESSY]);
    expect(models.fake.requests.length - before).toBe(1);
    expect(models.withModel.query('select count(*) as n from processed_webhooks where provider_id like ?', `${call.callSid}:%`)).toEqual([{ n: 1 }]);
  });

  it('leaves nothing half-written when the caller hangs up between the two requests', async () => {
    models.fake.answer = () => TELECONSULTATION;
    const before = models.fake.requests.length;
    const usage = () => models.withModel.query<{ n: number }>('select coalesce(sum(requests), 0) as n from model_usage')[0]!.n;
    const used = usage();
    const call = await manualCall(models.withModel);
    const start = call.conversation();
    expect((await call.gather(MESSY)).body).toContain(HOLD_XML);
    expect((await postTwilio(models.withModel.url, '/twilio/voice/status', { ...call.params, CallStatus: 'completed', CallDuration: '12' })).status).toBe(204);
    expect(call.conversation()).toEqual(start);
    expect(call.inbound()).toEqual(['[appel]']);
    expect(usage()).toBe(used);
    expect(models.fake.requests.length).toBe(before);
  });

  it('refuses a resume whose words were changed: what was heard rides in the URL Twilio signs', async () => {
    const call = await manualCall(models.withModel);
    const held = await call.gather(MESSY);
    const path = redirectPath(held.body);
    const forged = path.replace(/heard=[^&]+/, `heard=${encodeURIComponent('arrête tout')}`);
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}${path}`, call.params);
    const response = await fetch(`${models.withModel.url}${forged}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
      body: new URLSearchParams(call.params).toString(),
    });
    expect(response.status).toBe(403);
    // The refusal is logged by its path alone: the query holds what the caller said.
    const refused = models.logged.filter((l) => l.event === 'twilio.bad_signature').at(-1);
    expect(refused?.fields).toEqual({ path: '/twilio/voice/resume', present: true });
    expect(JSON.stringify(models.logged)).not.toMatch(/arr(ê|%C3%AA)te|docteur|camera/i);
    expect((await postTwilio(models.withModel.url, '/twilio/voice/resume?turn=1', call.params)).status).toBe(400);
    expect(call.inbound()).toEqual(['[appel]']);
  });

  it('holds no more once the department’s daily budget is spent: the call goes on as without a model', async () => {
    const local = await startFakeOpenAi(() => TELECONSULTATION);
    const relais = await startTestRelais({ openAi: { apiKey: 'sk-test', baseURL: local.baseURL }, understanding: { model: 'gpt-test', dailyBudget: 1 } });
    try {
      const first = await relais.call(nextPhone());
      await first.say(MESSY);
      expect(first.lastHeard()).toContain(HOLD);
      expect(first.lastHeard()).toContain('consultation vidéo');
      const second = await relais.call(nextPhone());
      await second.say(MESSY);
      expect(second.lastHeard()).not.toContain(HOLD);
      expect(second.lastHeard()).toContain("Je n'ai pas bien compris");
      expect(local.requests).toHaveLength(1);
    } finally {
      await relais.stop();
      await local.close();
    }
  });
});
