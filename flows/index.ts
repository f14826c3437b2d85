// The flows Relais runs, compiled (validated and hashed) once at load.
import { compileFlow, type CompiledFlow } from '../src/engine/flow.js';
import type { FlowDefinition } from '../src/engine/flow-schema.js';
import { accueil } from './accueil.js';
import { orientationRelais } from './orientation-relais.js';

export const flowDefinitions: FlowDefinition[] = [accueil, orientationRelais];

/** The flow a new conversation starts on. */
export const MAIN_FLOW_ID = 'accueil';

export function loadFlows(definitions: FlowDefinition[] = flowDefinitions): Map<string, CompiledFlow> {
  return new Map(definitions.map((d) => [d.id, compileFlow(d)]));
}
