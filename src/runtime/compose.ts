// Wires Relais from parts a runtime provides (database, directory, configuration, clock, logger).
// Runtime-agnostic: Node and Workers both call it, so the two can never drift apart.
import { channelTexts } from '../../flows/common.js';
import { flowDefinitions, loadFlows, MAIN_FLOW_ID } from '../../flows/index.js';
import type { FlowDefinition } from '../engine/flow-schema.js';
import { createConversationService } from '../conversation/conversation-service.js';
import type { Clock, Logger } from '../conversation/ports.js';
import { createConversationStore } from '../db/conversation-store.js';
import type { DatabaseHandle } from '../db/database.js';
import { nearestPlacesService } from '../directory/nearest-places.service.js';
import type { Directory } from '../directory/types.js';
import { createApp, type AppConfig } from '../http/create-app.js';

export interface RelaisParts {
  database: DatabaseHandle;
  directory: Directory;
  config: AppConfig;
  clock: Clock;
  logger: Logger;
  /** The flows to run; the shipped ones by default. Tests pass edited copies. */
  flowDefinitions?: FlowDefinition[];
}

export function composeRelais(parts: RelaisParts) {
  const store = createConversationStore(parts.database);
  const conversations = createConversationService({
    store,
    flows: loadFlows(parts.flowDefinitions ?? flowDefinitions),
    mainFlowId: MAIN_FLOW_ID,
    services: { nearestPlaces: nearestPlacesService(parts.directory) },
    clock: parts.clock,
    logger: parts.logger,
  });
  const app = createApp({ conversations, config: parts.config, clock: parts.clock, logger: parts.logger, texts: channelTexts });
  return { app, store, conversations };
}

export const systemClock: Clock = { now: () => Date.now() };
