// The callback queue names where a conversation stood by its journey: every step of the flow has a French stage,
// taken from the file the step is written in.
import { describe, expect, it } from 'vitest';
import { accueil } from '../../flows/accueil.js';
import { FRONT_DOOR_STAGE, stageOfStep } from '../../flows/stages.fr.js';

describe('stageOfStep', () => {
  it('names each journey’s steps by their journey', () => {
    expect(stageOfStep('scam_now')).toBe('Arnaque ou message douteux');
    expect(stageOfStep('carer_places')).toBe('Aide pour un proche');
    expect(stageOfStep('voice_person')).toBe('Appel téléphonique');
  });

  it('names the front door’s own steps « Accueil et menu », and never shows a step id', () => {
    expect(stageOfStep('menu')).toBe(FRONT_DOOR_STAGE);
    const stages = new Set(Object.keys(accueil.steps).map(stageOfStep));
    for (const stage of stages) expect(stage).not.toMatch(/_/);
    // Eight journeys in all: the front door and the seven step files.
    expect(stages.size).toBe(8);
  });
});
