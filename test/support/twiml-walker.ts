// Plays the TwiML returned by the Relais voice webhooks as Twilio would, so tests can run phone calls over real HTTP.
// Voice flows are chains of documents (Gather actions, Redirects, Dial actions, whispers); checking one response at a
// time misses broken links between them, so this walker follows the chain with signed requests, like Twilio does,
// and checks every document it receives (status, content type, well-formed XML, size, keypad-reachable Gathers).
import { randomUUID } from 'node:crypto';
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import twilio from 'twilio';

/** One `<Say>` played to the caller. */
export interface Said {
  /** The spoken text: the element's textContent (nested SSML included), whitespace collapsed. */
  text: string;
  voice?: string;
  language?: string;
  /** The `rate` of the first nested `<prosody>`, if any. */
  rate?: string;
}

/** A `<Gather>` the call is waiting on. */
export interface GatherSpec {
  /** Absolute public URL the input goes to (the containing document's URL when the attribute is absent). */
  action: string;
  /** 'POST' unless the TwiML says otherwise. */
  method: string;
  input: string;
  language?: string;
  numDigits?: number;
  timeout?: number;
  speechTimeout?: string;
  hints: string[];
  finishOnKey?: string;
  actionOnEmptyResult: boolean;
  /** The `<Say>`s nested in the Gather, played before waiting. */
  says: Said[];
}

/** How a `<Dial>` ends, as reported by Twilio in DialCallStatus. */
export type DialOutcome = 'completed' | 'busy' | 'no-answer' | 'failed' | 'canceled';

/** One `<Dial>` executed during the call. */
export interface DialRecord {
  number: string;
  callerId?: string;
  /** What the whisper URL says to the person who answers (its `<Say>`s joined with '\n'); only when completed. */
  whisper?: string;
  outcome: DialOutcome;
}

/** How to place a call with {@link TwimlCall.start}. */
export interface CallOptions {
  /** Where the server under test listens, e.g. http://127.0.0.1:54321. */
  serverUrl: string;
  /** The public URL Twilio signs against, e.g. https://relais.example.fr. */
  publicBaseUrl: string;
  authToken: string;
  from: string;
  to: string;
  /** Default: 'CA' + 32 hex chars, unique per call. */
  callSid?: string;
  /** Extra params on the incoming-call webhook (e.g. `SipHeader_X-Relais-Commune`). */
  params?: Record<string, string>;
  /** Query string on the incoming-call URL. */
  query?: Record<string, string>;
  /** Default 'completed'; may be changed between steps via `call.dialOutcome`. */
  dialOutcome?: DialOutcome;
}

const ACCOUNT_SID = `AC${'0'.repeat(32)}`;
const API_VERSION = '2010-04-01';
const MAX_DOCUMENT_BYTES = 65_536;
const MAX_DOCUMENTS_PER_STEP = 20;

/** Where execution resumes: the verbs of one document, from `index` on. */
interface Cursor {
  verbs: Element[];
  index: number;
  docUrl: string;
}

interface PendingGather {
  spec: GatherSpec;
  /** The verbs after the Gather, played when the caller stays silent and actionOnEmptyResult is off. */
  after: Cursor;
}

interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** A call in progress: start it, then answer its Gathers with press/say/silence until it ends. */
export class TwimlCall {
  /** The caller's CallSid, sent with every request. */
  readonly callSid: string;
  /** The outcome the next `<Dial>`s will have. */
  dialOutcome: DialOutcome;
  /** Everything the caller heard, one entry per `<Say>`, in order, across the whole call. */
  readonly said: Said[] = [];
  /** Every `<Dial>` executed, in order. */
  readonly dials: DialRecord[] = [];
  /** Every TwiML document received (whispers included), in order, for further checks. */
  readonly documents: string[] = [];

  private readonly options: CallOptions;
  private heard: Said[] = [];
  private pending: PendingGather | undefined;
  private hasEnded = false;
  private lastRequest: SentRequest | undefined;
  private documentsThisStep = 0;

  private constructor(options: CallOptions) {
    this.options = { ...options, serverUrl: options.serverUrl.replace(/\/+$/, ''), publicBaseUrl: options.publicBaseUrl.replace(/\/+$/, '') };
    this.callSid = options.callSid ?? newCallSid();
    this.dialOutcome = options.dialOutcome ?? 'completed';
  }

  /** Places the call (the incoming-call webhook) and plays until the first Gather or the end of the call. */
  static async start(options: CallOptions): Promise<TwimlCall> {
    const call = new TwimlCall(options);
    const query = new URLSearchParams(options.query ?? {}).toString();
    const url = `${call.options.publicBaseUrl}/twilio/voice${query ? `?${query}` : ''}`;
    const params: Record<string, string> = {
      CallSid: call.callSid,
      AccountSid: ACCOUNT_SID,
      From: options.from,
      To: options.to,
      CallStatus: 'ringing',
      Direction: 'inbound',
      ApiVersion: API_VERSION,
      Caller: options.from,
      Called: options.to,
      ...options.params,
    };
    call.documentsThisStep = 0;
    await call.play(await call.fetchDocument('POST', url, params));
    return call;
  }

  /**
   * A call Relais placed itself (Twilio's Calls resource with inline TwiML, as a landline's follow-up): plays that
   * document as Twilio would once the person picks up; keys then answer its Gathers. `from` is Relais, `to` the person.
   */
  static async placed(options: CallOptions, twiml: string): Promise<TwimlCall> {
    const call = new TwimlCall(options);
    call.documents.push(twiml);
    await call.play({ verbs: parseResponse(twiml, 'the placed call'), index: 0, docUrl: `${call.options.publicBaseUrl}/` });
    return call;
  }

  /** The Gather waiting for input, if any. */
  get gather(): GatherSpec | undefined {
    return this.pending?.spec;
  }

  /** True once the call has hung up (a `<Hangup/>`, the end of a document, or {@link hangUp}). */
  get ended(): boolean {
    return this.hasEnded;
  }

  /** What was said since the last input (the answer to the last action), joined with '\n'. */
  lastHeard(): string {
    return this.heard.map((s) => s.text).join('\n');
  }

  /**
   * Keys pressed: posts Digits to the Gather's action. A trailing finishOnKey character ('#' by default) is
   * stripped ('74000#' → '74000'); keys beyond numDigits are dropped, as Twilio does. No digits left counts as silence.
   */
  async press(keys: string): Promise<void> {
    const pending = this.requirePending('press');
    if (!/^[0-9*#]+$/.test(keys)) throw new Error(`press(${JSON.stringify(keys)}): only 0-9, * and # can be pressed`);
    const finishOnKey = pending.spec.finishOnKey ?? '#';
    let digits = finishOnKey && keys.endsWith(finishOnKey) ? keys.slice(0, -finishOnKey.length) : keys;
    if (pending.spec.numDigits !== undefined) digits = digits.slice(0, pending.spec.numDigits);
    if (digits === '') return this.silence();
    await this.answer(pending, { Digits: digits });
  }

  /** Speech: posts SpeechResult and Confidence (default 0.9) to the Gather's action; the Gather must accept speech. */
  async say(speech: string, confidence = 0.9): Promise<void> {
    const pending = this.requirePending('say');
    if (!pending.spec.input.includes('speech')) {
      throw new Error(`say(${JSON.stringify(speech)}): the pending Gather has input="${pending.spec.input}", speech is not listened to`);
    }
    await this.answer(pending, { SpeechResult: speech, Confidence: String(confidence) });
  }

  /**
   * Silence until the timeout: with actionOnEmptyResult, posts the action with neither Digits nor SpeechResult;
   * without it, continues with the verbs after the `<Gather>` in the same document.
   */
  async silence(): Promise<void> {
    const pending = this.requirePending('silence');
    if (pending.spec.actionOnEmptyResult) return this.answer(pending, {});
    this.beginStep();
    await this.play(pending.after);
  }

  /**
   * The caller hangs up or the call ends: POST `${publicBaseUrl}/twilio/voice/status` with CallStatus
   * (default 'completed') and CallDuration ('95'). Returns the HTTP status.
   */
  async hangUp(status = 'completed'): Promise<number> {
    this.pending = undefined;
    this.hasEnded = true;
    const params = { ...this.baseParams(), CallStatus: status, CallDuration: '95' };
    const response = await this.send('POST', `${this.options.publicBaseUrl}/twilio/voice/status`, params);
    await response.text();
    return response.status;
  }

  /** Re-sends the last request exactly (a Twilio retry): returns the raw response body, and does NOT change the call's state. */
  async retryLast(): Promise<string> {
    const request = this.lastRequest;
    if (!request) throw new Error('retryLast(): no request has been sent yet');
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    return response.text();
  }

  // ---- Playing documents ----

  /** Executes verbs from the cursor on, following Redirect/Dial chains, until a Gather waits or the call ends. */
  private async play(start: Cursor): Promise<void> {
    let cursor = start;
    for (;;) {
      const verb = cursor.verbs[cursor.index];
      if (!verb) return this.end();
      cursor.index += 1;
      switch (verb.localName) {
        case 'Say':
          this.hear(readSay(verb));
          break;
        case 'Pause':
          break;
        case 'Gather': {
          const spec = readGather(verb, cursor.docUrl);
          for (const said of spec.says) this.hear(said);
          this.pending = { spec, after: { ...cursor } };
          return;
        }
        case 'Redirect': {
          const target = (verb.textContent ?? '').trim();
          if (!target) throw new Error(`<Redirect> without a URL in the document from ${cursor.docUrl}`);
          cursor = await this.fetchDocument(methodOf(verb), resolveUrl(target, cursor.docUrl), this.baseParams());
          break;
        }
        case 'Dial': {
          const next = await this.dial(verb, cursor.docUrl);
          if (next) cursor = next;
          break;
        }
        case 'Hangup':
          return this.end();
        default:
          throw new Error(`Unsupported TwiML verb <${verb.localName}> in the document from ${cursor.docUrl}`);
      }
    }
  }

  /** Records a Dial, fetches the whisper when answered, and returns the action's document if there is one. */
  private async dial(verb: Element, docUrl: string): Promise<Cursor | undefined> {
    const numbers = childElements(verb);
    for (const noun of numbers) {
      if (noun.localName !== 'Number') throw new Error(`Unsupported noun <${noun.localName}> in <Dial> in the document from ${docUrl}`);
    }
    if (numbers.length > 1) throw new Error(`<Dial> with ${numbers.length} <Number>s (simultaneous dialing) is not emulated (document from ${docUrl})`);
    const numberElement = numbers[0];
    const number = collapse((numberElement ?? verb).textContent ?? '');
    if (!number) throw new Error(`<Dial> without a number in the document from ${docUrl}`);

    const outcome = this.dialOutcome;
    const dialCallSid = newCallSid();
    const record: DialRecord = { number, outcome };
    const callerId = attribute(verb, 'callerId');
    if (callerId !== undefined) record.callerId = callerId;
    this.dials.push(record);

    const whisperUrl = numberElement ? attribute(numberElement, 'url') : undefined;
    if (whisperUrl !== undefined && numberElement && outcome === 'completed') {
      const params = { ...this.baseParams(), CallSid: dialCallSid, ParentCallSid: this.callSid };
      const whisper = await this.fetchDocument(methodOf(numberElement), resolveUrl(whisperUrl, docUrl), params);
      record.whisper = spokenIn(whisper.verbs).join('\n');
    }

    const action = attribute(verb, 'action');
    if (action === undefined) return undefined;
    return this.fetchDocument(methodOf(verb), resolveUrl(action, docUrl), {
      ...this.baseParams(),
      DialCallStatus: outcome,
      DialCallDuration: outcome === 'completed' ? '42' : '0',
      DialCallSid: dialCallSid,
    });
  }

  private hear(said: Said): void {
    this.said.push(said);
    this.heard.push(said);
  }

  private end(): void {
    this.pending = undefined;
    this.hasEnded = true;
  }

  // ---- Input ----

  private requirePending(what: string): PendingGather {
    if (this.hasEnded) throw new Error(`${what}(): the call has ended; nothing is listening`);
    if (!this.pending) throw new Error(`${what}(): no <Gather> is waiting for input`);
    return this.pending;
  }

  /** Sends the caller's input to the pending Gather's action and plays the answer. */
  private async answer(pending: PendingGather, input: Record<string, string>): Promise<void> {
    this.beginStep();
    this.pending = undefined;
    await this.play(await this.fetchDocument(pending.spec.method, pending.spec.action, { ...this.baseParams(), ...input }));
  }

  private beginStep(): void {
    this.heard = [];
    this.documentsThisStep = 0;
  }

  // ---- HTTP ----

  private baseParams(): Record<string, string> {
    return {
      CallSid: this.callSid,
      AccountSid: ACCOUNT_SID,
      From: this.options.from,
      To: this.options.to,
      CallStatus: 'in-progress',
      Direction: 'inbound',
      ApiVersion: API_VERSION,
    };
  }

  /** Requests a TwiML document, checks it, keeps it in `documents`, and returns a cursor on its verbs. */
  private async fetchDocument(method: string, publicUrl: string, params: Record<string, string>): Promise<Cursor> {
    this.documentsThisStep += 1;
    if (this.documentsThisStep > MAX_DOCUMENTS_PER_STEP) {
      throw new Error(`More than ${MAX_DOCUMENTS_PER_STEP} documents in one step (a redirect loop?); the last was ${publicUrl}`);
    }
    const response = await this.send(method, publicUrl, params);
    const body = await response.text();
    const where = `${method} ${publicUrl}`;
    if (response.status !== 200) throw new Error(`${where} answered HTTP ${response.status}: ${excerpt(body)}`);
    const contentType = response.headers.get('content-type') ?? '';
    if (!contentType.includes('xml')) throw new Error(`${where} answered content-type "${contentType}", not XML: ${excerpt(body)}`);
    const bytes = Buffer.byteLength(body, 'utf8');
    if (bytes >= MAX_DOCUMENT_BYTES) throw new Error(`${where} answered ${bytes} bytes of TwiML; Twilio requires under ${MAX_DOCUMENT_BYTES}`);
    this.documents.push(body);
    return { verbs: parseResponse(body, where), index: 0, docUrl: publicUrl };
  }

  /** Sends a request signed as Twilio signs it, to the server under test, and remembers it for {@link retryLast}. */
  private async send(method: string, publicUrl: string, params: Record<string, string>): Promise<Response> {
    const target = new URL(publicUrl);
    const base = new URL(this.options.publicBaseUrl);
    if (target.origin !== base.origin) throw new Error(`${publicUrl} is not under the public base URL ${this.options.publicBaseUrl}`);
    let request: SentRequest;
    if (method.toUpperCase() === 'GET') {
      for (const [key, value] of Object.entries(params)) target.searchParams.append(key, value);
      const signature = twilio.getExpectedTwilioSignature(this.options.authToken, target.toString(), {});
      request = { method: 'GET', url: `${this.options.serverUrl}${target.pathname}${target.search}`, headers: { 'X-Twilio-Signature': signature } };
    } else if (method.toUpperCase() === 'POST') {
      const signature = twilio.getExpectedTwilioSignature(this.options.authToken, publicUrl, params);
      request = {
        method: 'POST',
        url: `${this.options.serverUrl}${target.pathname}${target.search}`,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
        body: new URLSearchParams(params).toString(),
      };
    } else {
      throw new Error(`Unsupported method "${method}" for ${publicUrl}`);
    }
    this.lastRequest = request;
    return fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
    });
  }
}

// ---- TwiML reading ----

/** Parses a document, checks it is a well-formed `<Response>` whose Gathers all accept keys, and returns its verbs. */
function parseResponse(xml: string, where: string): Element[] {
  const parser = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') throw new Error(`${where} answered malformed XML (${level}): ${msg}`);
    },
  });
  let root: Element | null;
  try {
    root = parser.parseFromString(xml, 'text/xml').documentElement;
  } catch (error) {
    throw new Error(`${where} answered malformed XML: ${error instanceof Error ? error.message : String(error)}\n${excerpt(xml)}`);
  }
  if (!root || root.localName !== 'Response') throw new Error(`${where} answered <${root?.localName ?? 'nothing'}>, not <Response>: ${excerpt(xml)}`);
  const gathers = root.getElementsByTagName('Gather');
  for (let i = 0; i < gathers.length; i += 1) {
    const input = gathers.item(i)?.getAttribute('input') ?? '';
    if (!input.includes('dtmf')) {
      throw new Error(`${where}: <Gather input="${input}"> does not accept dtmf; every choice must be reachable by keys`);
    }
  }
  return childElements(root);
}

function readSay(element: Element): Said {
  const said: Said = { text: collapse(element.textContent ?? '') };
  const voice = attribute(element, 'voice');
  if (voice !== undefined) said.voice = voice;
  const language = attribute(element, 'language');
  if (language !== undefined) said.language = language;
  const prosody = element.getElementsByTagName('prosody').item(0);
  const rate = prosody ? attribute(prosody, 'rate') : undefined;
  if (rate !== undefined) said.rate = rate;
  return said;
}

function readGather(element: Element, docUrl: string): GatherSpec {
  const says: Said[] = [];
  for (const child of childElements(element)) {
    if (child.localName === 'Say') says.push(readSay(child));
    else if (child.localName !== 'Pause') throw new Error(`Unsupported TwiML verb <${child.localName}> in <Gather> in the document from ${docUrl}`);
  }
  const spec: GatherSpec = {
    action: resolveUrl(attribute(element, 'action') ?? docUrl, docUrl),
    method: methodOf(element),
    input: attribute(element, 'input') ?? 'dtmf',
    hints: (attribute(element, 'hints') ?? '').split(',').map((hint) => hint.trim()).filter((hint) => hint !== ''),
    actionOnEmptyResult: attribute(element, 'actionOnEmptyResult') === 'true',
    says,
  };
  const language = attribute(element, 'language');
  if (language !== undefined) spec.language = language;
  const numDigits = attribute(element, 'numDigits');
  if (numDigits !== undefined) spec.numDigits = Number(numDigits);
  const timeout = attribute(element, 'timeout');
  if (timeout !== undefined) spec.timeout = Number(timeout);
  const speechTimeout = attribute(element, 'speechTimeout');
  if (speechTimeout !== undefined) spec.speechTimeout = speechTimeout;
  const finishOnKey = attribute(element, 'finishOnKey');
  if (finishOnKey !== undefined) spec.finishOnKey = finishOnKey;
  return spec;
}

/** The texts of every `<Say>` in a document (a whisper), Gathers included, in document order. */
function spokenIn(verbs: Element[]): string[] {
  return verbs.flatMap((verb) => (verb.localName === 'Say' ? [readSay(verb).text] : spokenIn(childElements(verb))));
}

// ---- Small helpers ----

function childElements(parent: Node): Element[] {
  const elements: Element[] = [];
  for (let i = 0; i < parent.childNodes.length; i += 1) {
    const child = parent.childNodes.item(i);
    if (child && isElement(child)) elements.push(child);
  }
  return elements;
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

function attribute(element: Element, name: string): string | undefined {
  return element.hasAttribute(name) ? (element.getAttribute(name) ?? undefined) : undefined;
}

function methodOf(element: Element): string {
  return (attribute(element, 'method') ?? 'POST').toUpperCase();
}

function resolveUrl(url: string, docUrl: string): string {
  return new URL(url, docUrl).toString();
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function excerpt(text: string): string {
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

function newCallSid(): string {
  return `CA${randomUUID().replace(/-/g, '')}`;
}
