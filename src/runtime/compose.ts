// Wires Relais from parts a runtime provides (database, directory, configuration, clock, logger).
// Runtime-agnostic: Node and Workers both call it, so the two can never drift apart.
import { procedures as shippedProcedures } from '../../data/procedures/index.js';
import { readerVocabulary } from '../../data/reader-vocabulary.js';
import * as intents from '../../data/intents.fr.js';
import { openingWording, sessionWording } from '../../data/labels.fr.js';
import * as recommendationWording from '../../data/recommendations.fr.js';
import { channelTexts } from '../../flows/common.js';
import { voiceWording } from '../../data/voice.fr.js';
import type { VoiceSettings } from '../channels/voice/twiml.js';
import { createCallRepository } from '../db/call-repository.js';
import { reachPersonService } from '../directory/reach-person.service.js';
import { flowDefinitions, loadFlows, MAIN_FLOW_ID } from '../../flows/index.js';
import type { FlowDefinition } from '../engine/flow-schema.js';
import { createConversationService } from '../conversation/conversation-service.js';
import { redactingLogger } from '../conversation/redacting-logger.js';
import type { Clock, Logger } from '../conversation/ports.js';
import { createConversationStore } from '../db/conversation-store.js';
import type { DatabaseHandle } from '../db/database.js';
import { nearestPlacesService } from '../directory/nearest-places.service.js';
import { createGeoApiResolver, withOnlineResolver } from '../directory/online-resolver.js';
import { createGeocodeCache } from '../db/geocode-cache.js';
import { bookSessionService, nextSessionsService } from '../directory/workshop-services.js';
import { createWorkshopRepository } from '../db/workshop-repository.js';
import { ATELIERS_SOURCE } from '../directory/import/ateliers.js';
import type { DepartmentConfig } from '../directory/departments.js';
import type { Directory } from '../directory/types.js';
import type { HmacSha1 } from '../channels/twilio/signature.js';
import { createGraphApiSender } from '../channels/whatsapp/graph-api.js';
import { renderWhatsApp } from '../channels/whatsapp/render.js';
import { createOutboxDelivery } from '../conversation/outbox-delivery.js';
import { createOutboxRepository } from '../db/outbox-repository.js';
import { createMediaFetcher, createOpenAiTranscriber } from '../channels/whatsapp/voice-notes.js';
import { createTwilioSmsSender } from '../channels/sms/twilio-rest.js';
import { sendSmsService } from '../conversation/send-sms.service.js';
import { createApp, type AppConfig } from '../http/create-app.js';
import { placeNameService } from '../conversation/place-name.service.js';
import { findProcedureService, procedureStepService, recommendService, selectProcedureService } from '../knowledge/flow-services.js';
import { createProcedureMatcher } from '../knowledge/match-procedure.js';
import type { Procedure } from '../knowledge/procedure-schema.js';
import { understandService } from '../knowledge/understand.service.js';
import { createDeterministicReader, situationReader, uncoveredSituation } from '../knowledge/understanding/deterministic-reader.js';
import type { UnderstandingReader } from '../knowledge/understanding/reading.js';
import { scamInterrupt } from '../knowledge/understanding/scam-signals.js';
import { landlineDepartements } from '../../data/landline-zones.js';
import { createAccountRepository } from '../db/account-repository.js';
import { createDepartmentRepository } from '../db/department-repository.js';
import { createScopedRepository } from '../db/scoped-repository.js';
import { departmentOfTurn } from '../directory/departments.js';
import { DEFAULT_SESSION_POLICY, type WorkspaceDeps } from '../web/context.js';
import type { SessionPolicy } from '../db/account-repository.js';

export interface RelaisParts {
  database: DatabaseHandle;
  directory: Directory;
  config: AppConfig;
  clock: Clock;
  logger: Logger;
  /** The flows to run; the shipped ones by default. Tests pass edited copies. */
  flowDefinitions?: FlowDefinition[];
  /** Each department's settings (white-zone radius, platform and home-help numbers). */
  departments?: Map<string, DepartmentConfig>;
  /** The optional online geocoder (https://geo.api.gouv.fr): off when unset. */
  geoApiBaseUrl?: string;
  /** Twilio's REST API, to send an SMS that is not a reply (to a caregiver's relative). */
  twilioApi?: { baseUrl: string; accountSid: string; authToken: string; from: string };
  /** OpenAI, to transcribe voice notes; off when unset. */
  openAi?: { apiKey: string; baseURL?: string; model?: string };
  /** Meta's Graph API, to answer WhatsApp Cloud API messages. */
  metaApi?: { baseUrl: string; accessToken: string };
  /** The runtime's native HMAC-SHA1, when it has one. */
  hmacSha1?: HmacSha1;
  /** The understanding of free sentences; the deterministic reader by default. */
  reader?: UnderstandingReader;
  /** The procedures explained; the shipped knowledge base by default. */
  procedures?: Procedure[];
  /** The phone line: voice, pace, timeouts and the confidence floor, over the defaults below. */
  voice?: Partial<VoiceSettings> & { minConfidence?: number };
  /** The workspace: SESSION_SECRET (without it /espace answers 503), DSFR's files, session expiry, the caller's address. */
  workspace?: Pick<WorkspaceDeps, 'sessionSecret' | 'assets' | 'clientIp'> & { sessionPolicy?: SessionPolicy };
}

/** The phone line's defaults: a French neural voice at 88 %, 3 s after speech, 6 s for a first key or word. */
export const DEFAULT_VOICE_SETTINGS: VoiceSettings = {
  voice: 'Polly.Lea-Neural',
  language: 'fr-FR',
  ratePercent: 88,
  speechTimeoutSeconds: 3,
  noInputTimeoutSeconds: 6,
};
/** Below this speech-recognition confidence, what was heard is said back for confirmation. */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

export function composeRelais(input: RelaisParts) {
  const parts: RelaisParts = { ...input, logger: redactingLogger(input.logger) };
  const store = createConversationStore(parts.database);
  // One live map of the departments' settings: what Réglages saves, the conversations use at once.
  const departments = parts.departments ?? new Map<string, DepartmentConfig>();
  const smsSender = parts.twilioApi ? createTwilioSmsSender(parts.twilioApi) : undefined;
  const directory = parts.geoApiBaseUrl
    ? withOnlineResolver(parts.directory, createGeoApiResolver({ baseUrl: parts.geoApiBaseUrl, cache: createGeocodeCache(parts.database), now: () => parts.clock.now() }))
    : parts.directory;
  const procedures = parts.procedures ?? shippedProcedures;
  // One list of situation words (data/procedures/situations.fr.ts) for the matcher and the reader alike.
  const situationsOf = situationReader(readerVocabulary.situationWords);
  const matcher = createProcedureMatcher(procedures, situationsOf);
  const reader: UnderstandingReader = parts.reader ?? createDeterministicReader({ directory, procedures, vocabulary: readerVocabulary, matcher });
  const selectProcedure = selectProcedureService(procedures);
  const workshops = createWorkshopRepository(parts.database);
  const now = () => parts.clock.now();
  const conversations = createConversationService({
    store,
    flows: loadFlows(parts.flowDefinitions ?? flowDefinitions),
    mainFlowId: MAIN_FLOW_ID,
    services: {
      nearestPlaces: nearestPlacesService(directory, { now, wording: openingWording, landlineZones: landlineDepartements, departments }),
      nextSessions: nextSessionsService(directory, workshops, { now, wording: sessionWording }),
      bookSession: bookSessionService(workshops, { now, wording: sessionWording }),
      understand: understandService({ reader, procedures, carerNeedPhrases: intents.carerNeedPhrases, situationPhrases: intents.situationPhrases }),
      findProcedure: findProcedureService(matcher, {
        uncovered: (id, text) => uncoveredSituation(matcher, situationsOf, id, text),
        phrases: intents.situationPhrases,
      }),
      selectProcedure,
      procedureStep: procedureStepService(procedures),
      recommend: recommendService(recommendationWording),
      reachPerson: reachPersonService({ now, departments }),
      placeName: placeNameService(directory),
      sendSms: sendSmsService({ store, logger: parts.logger, ...(smsSender ? { sender: smsSender } : {}) }),
    },
    // A scam in progress wins over whatever question was asked: checked on every message, at every step.
    interruptOf: (content) => (content.type === 'text' ? scamInterrupt(content.text, intents) : undefined),
    clock: parts.clock,
    logger: parts.logger,
    departmentOf: departmentOfTurn(departments),
  });
  const findPlaces = nearestPlacesService(directory, { now, wording: openingWording, landlineZones: landlineDepartements, departments });
  const accounts = createAccountRepository(parts.database);
  const workspace: WorkspaceDeps = {
    sessionSecret: parts.workspace?.sessionSecret,
    publicBaseUrl: parts.config.publicBaseUrl,
    accounts,
    forUser: createScopedRepository(parts.database, createDepartmentRepository(parts.database)),
    departments,
    directory,
    findPlaces,
    smsSender,
    isOptedOut: (address) => store.isOptedOut(address),
    saveWorkshops: async (sessions, at) => {
      const report = await workshops.upsert(ATELIERS_SOURCE, sessions, at);
      return { inserted: report.inserted, updated: report.updated };
    },
    clock: parts.clock,
    logger: parts.logger,
    assets: parts.workspace?.assets,
    clientIp: parts.workspace?.clientIp,
    sessionPolicy: parts.workspace?.sessionPolicy ?? DEFAULT_SESSION_POLICY,
  };
  const { minConfidence = DEFAULT_MIN_CONFIDENCE, ...voiceSettings } = parts.voice ?? {};
  const whatsAppSender = parts.metaApi ? createGraphApiSender(parts.metaApi) : undefined;
  const whatsAppOutbox = whatsAppSender
    ? createOutboxDelivery({
        store: createOutboxRepository(parts.database),
        send: (row, reply) => whatsAppSender.send(row.via, row.address, renderWhatsApp(reply, channelTexts.whatsappListButton)),
        clock: parts.clock,
        logger: parts.logger,
        giveUpAfterMs: REDELIVERY_WINDOW_MS,
      })
    : undefined;
  const app = createApp({ conversations, config: parts.config, clock: parts.clock, logger: parts.logger, texts: channelTexts,
    hmacSha1: parts.hmacSha1,
    calls: createCallRepository(parts.database),
    voice: { settings: { ...DEFAULT_VOICE_SETTINGS, ...voiceSettings }, minConfidence, wording: voiceWording },
    departments,
    workspace,
    placesApi: { findPlaces, departmentOfApiToken: (hash) => accounts.departmentOfApiToken(hash) },
    ...(whatsAppOutbox ? { whatsAppOutbox } : {}),
    ...(parts.openAi
      ? {
          voiceNotes: {
            transcribe: createOpenAiTranscriber(parts.openAi),
            fetchMedia: createMediaFetcher({
              ...(parts.metaApi ? { metaApi: parts.metaApi } : {}),
              ...(parts.twilioApi ? { twilio: { accountSid: parts.twilioApi.accountSid, authToken: parts.twilioApi.authToken } } : {}),
            }),
          },
        }
      : {}),
  });
  return { app, store, conversations, whatsAppOutbox };
}

/**
 * How long a provider may redeliver a webhook: Twilio retries a failed webhook within hours, Meta for up to seven days.
 * A processed delivery's reply (an erasure's anonymous one included) is kept, and an undeliverable reply retried, this
 * long; the daily retention purge then removes it.
 */
export const REDELIVERY_WINDOW_DAYS = 7;
export const REDELIVERY_WINDOW_MS = REDELIVERY_WINDOW_DAYS * 86_400_000;

export const systemClock: Clock = { now: () => Date.now() };
