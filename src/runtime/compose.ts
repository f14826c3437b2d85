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
import { stageOfStep } from '../../flows/stages.fr.js';
import type { FlowDefinition } from '../engine/flow-schema.js';
import { createConversationService } from '../conversation/conversation-service.js';
import { redactingLogger } from '../conversation/redacting-logger.js';
import type { Clock, Logger } from '../conversation/ports.js';
import { createConversationStore } from '../db/conversation-store.js';
import type { DatabaseHandle } from '../db/database.js';
import { nearestPlacesService } from '../directory/nearest-places.service.js';
import { createGeoApiResolver, withOnlineResolver } from '../directory/online-resolver.js';
import { createGeocodeCache } from '../db/geocode-cache.js';
import { bookSessionService, nextSessionsService, sessionDate } from '../directory/workshop-services.js';
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
import { createDeterministicReader, situationReader, situationUncovered, uncoveredSituation } from '../knowledge/understanding/deterministic-reader.js';
import type { ChatCompletionsClient } from '../knowledge/understanding/chat-completions.js';
import { createModelReader } from '../knowledge/understanding/model-reader.js';
import { createModelBudget } from '../db/model-budget.js';
import type { UnderstandingReader } from '../knowledge/understanding/reading.js';
import { scamInterrupt } from '../knowledge/understanding/scam-signals.js';
import { landlineDepartements } from '../../data/landline-zones.js';
import { createAccountRepository } from '../db/account-repository.js';
import { createDepartmentRepository } from '../db/department-repository.js';
import { createScopedRepository } from '../db/scoped-repository.js';
import { departmentOfTurn } from '../directory/departments.js';
import { DEFAULT_SESSION_POLICY, type WorkspaceDeps } from '../web/context.js';
import type { SessionPolicy } from '../db/account-repository.js';
import { createOrientationRepository } from '../db/orientation-repository.js';
import { createOrientationEvents, type OrientationListener } from '../orientations/change-status.js';
import { notifyOnChange } from '../orientations/notify.js';
import { orientService, relayReadService } from '../orientations/orient.service.js';
import { relayFlowChooser } from '../orientations/relay-mode.js';
import { RELAY_FLOW_ID } from '../../flows/orientation-relais.js';
import * as orientationWording from '../../data/orientations.fr.js';
import type { Atlas } from '../activity/atlas.js';
import { createScheduleRepository } from '../db/schedule-repository.js';
import { DEFAULT_FOLLOWUP_SETTINGS, type FollowUpSettings } from '../followups/plan.js';
import { createFollowUpRunner, type FollowUpCaller } from '../followups/runner.js';
import { whatsAppFollowUpChannels } from '../followups/whatsapp-channels.js';
import { createScheduler } from '../followups/scheduler.js';
import { createTwilioCaller, followUpCallTwiml } from '../channels/voice/follow-up-call.js';
import { followUpCallWording } from '../../data/followups.fr.js';
import { followUpServices, type OnVisitAnswer } from '../followups/services.js';
import { createActivityRecorder } from '../db/activity-repository.js';
import { orientationFacts, orientationFollowUps, settledOrientationCheck, visitAnswerToOrientation } from '../orientations/follow-through.js';

export interface RelaisParts {
  database: DatabaseHandle;
  directory: Directory;
  /** The territory for the activity pages (communes, places, EPCI); without it the map says it is unavailable. */
  atlas?: Atlas;
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
  /** A model asked when the reader finds nothing or guesses (OPENAI_MODEL, OPENAI_DAILY_BUDGET); off when unset. */
  understandingModel?: { client: ChatCompletionsClient; model: string; dailyBudget: number };
  /** The procedures explained; the shipped knowledge base by default. */
  procedures?: Procedure[];
  /** The phone line: voice, pace, timeouts and the confidence floor, over the defaults below. */
  voice?: Partial<VoiceSettings> & { minConfidence?: number };
  /** The workspace: SESSION_SECRET (without it /espace answers 503), DSFR's files, session expiry, the caller's address. */
  workspace?: Pick<WorkspaceDeps, 'sessionSecret' | 'assets' | 'clientIp'> & { sessionPolicy?: SessionPolicy };
  /** Called after every orientation change (creation included): the hook for follow-ups and activity facts. */
  onOrientationChange?: OrientationListener[];
  /** Closed orientations are anonymised after this many days (ORIENTATION_RETENTION_DAYS, 365 by default). */
  orientationRetentionDays?: number;
  /**
   * Follow-ups (src/followups): delays and sending hours over the defaults, the approved WhatsApp templates by purpose
   * (Meta's names; Twilio's Content SIDs), the name of this runner's leases, the landline call, and the orientations'
   * hook for « Avez-vous pu y aller ? ».
   */
  followUps?: {
    settings?: Partial<FollowUpSettings>;
    metaTemplates?: Record<string, string>;
    twilioWhatsAppTemplates?: Record<string, string>;
    owner?: string;
    call?: FollowUpCaller;
    onVisitAnswer?: OnVisitAnswer;
  };
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
  const epciOf = parts.atlas ? (commune: string) => parts.atlas?.epciOf(commune)?.code : undefined;
  const store = createConversationStore(parts.database, { epciOf });
  // One live map of the departments' settings: what Réglages saves, the conversations use at once.
  const departments = parts.departments ?? new Map<string, DepartmentConfig>();
  const smsSender = parts.twilioApi ? createTwilioSmsSender(parts.twilioApi) : undefined;
  const directory = parts.geoApiBaseUrl
    ? withOnlineResolver(parts.directory, createGeoApiResolver({ baseUrl: parts.geoApiBaseUrl, cache: createGeocodeCache(parts.database), now: () => parts.clock.now() }))
    : parts.directory;
  const procedures = parts.procedures ?? shippedProcedures;
  // One list of situation words (data/procedures/situations.fr.ts) for the matcher and the reader alike.
  const situationsOf = situationReader(readerVocabulary);
  const matcher = createProcedureMatcher(procedures, situationsOf);
  const deterministic: UnderstandingReader = parts.reader ?? createDeterministicReader({ directory, procedures, vocabulary: readerVocabulary, matcher });
  const model = parts.understandingModel;
  const reader: UnderstandingReader = model
    ? createModelReader({
        deterministic,
        client: model.client,
        model: model.model,
        procedures,
        uncovered: (id, situation) => situationUncovered(matcher, id, situation),
        budget: createModelBudget(parts.database, model.dailyBudget),
        // Réglages' switch, read live: a department that unticks it is never sent another message.
        enabledFor: (code) => (code ? departments.get(code)?.modelUnderstanding !== false : true),
        clock: parts.clock,
        logger: parts.logger,
      })
    : deterministic;
  const selectProcedure = selectProcedureService(procedures);
  const workshops = createWorkshopRepository(parts.database);
  const now = () => parts.clock.now();
  const findPlaces = nearestPlacesService(directory, { now, wording: openingWording, landlineZones: landlineDepartements, departments });
  const orientationRepository = createOrientationRepository(parts.database);
  const orientationEvents = createOrientationEvents(parts.logger);
  orientationEvents.onOrientationChange(
    notifyOnChange({ sender: smsSender, isOptedOut: (address) => store.isOptedOut(address), wording: orientationWording.changeSms, logger: parts.logger }),
  );
  // Every change is an anonymous activity fact (the figures keep it after the contact is erased).
  orientationEvents.onOrientationChange(orientationFacts(createActivityRecorder(parts.database)));
  const orientWording = { constraints: orientationWording.constraintWording, readerConstraints: orientationWording.readerConstraints, senderLabels: orientationWording.senderLabels };
  const followUpSettings: FollowUpSettings = { ...DEFAULT_FOLLOWUP_SETTINGS, ...parts.followUps?.settings };
  const schedule = createScheduleRepository(parts.database);
  // Every orientation, whoever sent it, gets its 7-day check and cold evaluation here (whom they ask: follow-through.ts).
  orientationEvents.onOrientationChange(
    orientationFollowUps({
      schedule,
      settings: followUpSettings,
      relayMobile: async (id) => (await orientationRepository.relayById(id))?.phone ?? undefined,
      relayFlowId: RELAY_FLOW_ID,
    }),
  );
  for (const listener of parts.onOrientationChange ?? []) orientationEvents.onOrientationChange(listener);
  const followUpFlowServices = followUpServices({
    schedule,
    workshops,
    now,
    settings: followUpSettings,
    wording: sessionWording,
    // A week after an orientation, the person's answer (went / did not) becomes the orientation's status.
    onVisitAnswer: parts.followUps?.onVisitAnswer ?? visitAnswerToOrientation({ repository: orientationRepository, events: orientationEvents, now }),
  });
  const flows = loadFlows(parts.flowDefinitions ?? flowDefinitions);
  const conversations = createConversationService({
    store,
    flows,
    mainFlowId: MAIN_FLOW_ID,
    services: {
      nearestPlaces: findPlaces,
      nextSessions: nextSessionsService(directory, workshops, { now, wording: sessionWording }),
      bookSession: bookSessionService(workshops, { now, wording: sessionWording }),
      understand: understandService({ reader, procedures, carerNeedPhrases: intents.carerNeedPhrases, situationPhrases: intents.situationPhrases, equipmentWords: intents.equipmentWords }),
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
      relayRead: relayReadService({ reader, procedures, wording: orientWording }),
      orient: orientService({
        repository: orientationRepository,
        events: orientationEvents,
        findPlaces,
        reader,
        procedures,
        wording: orientWording,
        now,
        publicBaseUrl: parts.config.publicBaseUrl,
      }),
      ...followUpFlowServices,
    },
    flowFor: relayFlowChooser(orientationRepository, { relay: RELAY_FLOW_ID, main: MAIN_FLOW_ID }),
    // A scam in progress wins over whatever question was asked: checked on every message, at every step.
    interruptOf: (content) => (content.type === 'text' ? scamInterrupt(content.text, intents) : undefined),
    clock: parts.clock,
    logger: parts.logger,
    departmentOf: departmentOfTurn(departments),
  });
  const accounts = createAccountRepository(parts.database);
  const workspace: WorkspaceDeps = {
    sessionSecret: parts.workspace?.sessionSecret,
    publicBaseUrl: parts.config.publicBaseUrl,
    accounts,
    forUser: createScopedRepository(parts.database, createDepartmentRepository(parts.database)),
    departments,
    directory,
    findPlaces,
    stageOfStep,
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
    orientations: { repository: orientationRepository, events: orientationEvents, procedures },
    ...(parts.atlas ? { atlas: parts.atlas } : {}),
  };
  const { minConfidence = DEFAULT_MIN_CONFIDENCE, ...voiceSettings } = parts.voice ?? {};
  const settingsOfVoice = { ...DEFAULT_VOICE_SETTINGS, ...voiceSettings };
  // A landline's follow-up is a short call placed through Twilio's REST API, said slower than the line's own pace.
  const twilioCaller = parts.twilioApi && parts.config.publicBaseUrl ? createTwilioCaller(parts.twilioApi) : undefined;
  const followUpCall: FollowUpCaller | undefined =
    parts.followUps?.call ??
    (twilioCaller
      ? (to, row, text) => {
          const gatherUrl = `${parts.config.publicBaseUrl!.replace(/\/+$/, '')}/twilio/followup/gather?id=${row.id}`;
          const slow = { ...settingsOfVoice, ratePercent: Math.max(60, settingsOfVoice.ratePercent - 8) };
          return twilioCaller.call(to, followUpCallTwiml(text, gatherUrl, followUpCallWording, slow));
        }
      : undefined);
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
    voice: { settings: settingsOfVoice, minConfidence, wording: voiceWording },
    followUpCall: {
      find: (id) => schedule.find(id),
      answered: (id, at) => schedule.answered(id, at),
      cancelBooking: followUpFlowServices.cancelBooking,
      wording: followUpCallWording,
    },
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
  const followUps = createFollowUpRunner({
    schedule,
    store,
    flows,
    mainFlowId: MAIN_FLOW_ID,
    clock: parts.clock,
    logger: parts.logger,
    settings: followUpSettings,
    channels: {
      ...(smsSender ? { sms: smsSender } : {}),
      ...whatsAppFollowUpChannels({
        metaSender: whatsAppSender,
        metaTemplates: parts.followUps?.metaTemplates,
        twilioApi: parts.twilioApi,
        twilioTemplates: parts.followUps?.twilioWhatsAppTemplates,
      }),
      ...(followUpCall ? { call: followUpCall } : {}),
    },
    owner: parts.followUps?.owner ?? `runner-${Math.random().toString(36).slice(2, 10)}`,
    formatMoment: (epoch) => sessionDate(epoch, sessionWording),
    noLongerWanted: settledOrientationCheck(orientationRepository),
  });
  const purge = async () => {
    const at = parts.clock.now();
    const orientationDays = parts.orientationRetentionDays ?? ORIENTATION_RETENTION_DAYS;
    return store.purgeOlderThan(at - RETENTION_DAYS * 86_400_000, at - REDELIVERY_WINDOW_MS, at - orientationDays * 86_400_000);
  };
  const scheduler = createScheduler({
    followUps,
    ...(whatsAppOutbox ? { retryOutbox: () => whatsAppOutbox.retryDue() } : {}),
    purge,
    logger: parts.logger,
  });
  return { app, store, conversations, whatsAppOutbox, followUps, scheduler, schedule, purge, onOrientationChange: orientationEvents.onOrientationChange };
}

/**
 * How long a provider may redeliver a webhook: Twilio retries a failed webhook within hours, Meta for up to seven days.
 * A processed delivery's reply (an erasure's anonymous one included) is kept, and an undeliverable reply retried, this
 * long; the daily retention purge then removes it.
 */
export const REDELIVERY_WINDOW_DAYS = 7;
/** Conversations silent for this long are deleted, as the welcome message promises (6 months). */
export const RETENTION_DAYS = 183;
/** Closed orientations keep their contacts this long, then are anonymised (the anonymous orientation stays). */
export const ORIENTATION_RETENTION_DAYS = 365;
export const REDELIVERY_WINDOW_MS = REDELIVERY_WINDOW_DAYS * 86_400_000;

export const systemClock: Clock = { now: () => Date.now() };
