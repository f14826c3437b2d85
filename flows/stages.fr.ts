// Where a conversation stood, in an agent's words: each journey's steps under one French name. The callback queue
// shows it instead of a step id (« Recherche d'un lieu », not `ask_location`). Derived from the journeys' own step
// groups, so a new step is named by the file it is written in.
import type { FlowDefinition } from '../src/engine/flow-schema.js';
import { aidantSteps } from './aidant-steps.js';
import { arnaqueSteps } from './arnaque-steps.js';
import { atelierSteps } from './atelier-steps.js';
import { demarcheSteps } from './demarche-steps.js';
import { diagnosticSteps } from './diagnostic-steps.js';
import { placeSteps } from './place-steps.js';
import { telephoneSteps } from './telephone-steps.js';

const JOURNEYS: [stage: string, steps: FlowDefinition['steps']][] = [
  ['Recherche d’un lieu', placeSteps],
  ['Explication d’une démarche', demarcheSteps],
  ['Diagnostic pour apprendre le numérique', diagnosticSteps],
  ['Arnaque ou message douteux', arnaqueSteps],
  ['Inscription à un atelier', atelierSteps],
  ['Aide pour un proche', aidantSteps],
  ['Appel téléphonique', telephoneSteps],
];

/** The steps written in accueil.ts itself: the welcome, the menu and the understanding of a first sentence. */
export const FRONT_DOOR_STAGE = 'Accueil et menu';

const stageByStep = new Map(JOURNEYS.flatMap(([stage, steps]) => Object.keys(steps).map((id) => [id, stage] as const)));

export const stageOfStep = (stepId: string): string => stageByStep.get(stepId) ?? FRONT_DOOR_STAGE;
