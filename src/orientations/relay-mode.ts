// Relay mode: a message from a relay's registered number (SMS or WhatsApp) runs the relay flow; a number that is no
// longer a relay's goes back to the main flow. Calls are always the main flow (relays orient by message).
import type { InboundMessage } from '../engine/message.js';
import type { OrientationRepository } from '../db/orientation-repository.js';

export function relayFlowChooser(repository: Pick<OrientationRepository, 'relayByPhone'>, ids: { relay: string; main: string }) {
  return async (inbound: InboundMessage, storedFlowId: string | undefined): Promise<string | undefined> => {
    const isRelay = inbound.channel !== 'voice' && (await repository.relayByPhone(inbound.from)) !== undefined;
    if (isRelay) return ids.relay;
    return storedFlowId === ids.relay ? ids.main : undefined;
  };
}
