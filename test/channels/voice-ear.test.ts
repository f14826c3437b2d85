// What the phone says: no web address read aloud, and no question cut from its answer between two prompts.
import { describe, expect, it } from 'vitest';
import { voiceWording } from '../../data/voice.fr.js';
import { forTheEar } from '../../src/channels/voice/ear.js';
import { withoutFillers } from '../../src/channels/voice/parse.js';
import { splitPrompts } from '../../src/channels/voice/twiml.js';

describe('web addresses on the phone', () => {
  it.each([
    ['Coût : Gratuit\nSite officiel : www.ameli.fr\nTéléphone : 36 46', 'Coût : Gratuit. Téléphone : 36 46.'],
    ['Puis portez plainte. Conseils et aide : cybermalveillance.gouv.fr.', 'Puis portez plainte.'],
    ['Allez sur impots.gouv.fr et ouvrez votre espace.', 'Allez sur le site officiel et ouvrez votre espace.'],
    ['Allez sur le site lassuranceretraite.fr.', 'Allez sur le site officiel.'],
    ['Achetez le timbre en ligne (timbres.impots.gouv.fr) ou au tabac.', 'Achetez le timbre en ligne ou au tabac.'],
    ['Les vrais sites finissent par « .gouv.fr » (ou ameli.fr, caf.fr...).', 'Les vrais sites finissent par .gouv.fr.'],
    ['Voir https://www.service-public.fr/particuliers/vosdroits/F16871 pour tout.', 'Voir le site officiel pour tout.'],
  ])('%j is said %j', (written, said) => {
    expect(forTheEar(written, voiceWording)).toBe(said);
  });

  it('leaves numbers, hours and distances alone', () => {
    expect(forTheEar('À 0,2 km, de 8h30-12h.', voiceWording)).toBe('À 200 mètres, de 8 heures 30 à 12 heures.');
    // Below 2, a kilometre is singular in French; under 1, it is heard in metres.
    expect(forTheEar('(1,5 km)', voiceWording)).toBe('(1,5 kilomètre).');
    expect(forTheEar('(1 km) (14 km) (2,3 km)', voiceWording)).toBe('(1 kilomètre) (14 kilomètres) (2,3 kilomètres).');
  });
});

describe('prompts', () => {
  it('never ends a prompt on a question that the next sentence answers', () => {
    const text = `${'Une longue phrase qui prend du temps à dire, vraiment longtemps. '.repeat(4)}Sans internet ? Un agent peut la faire avec vous.`;
    const prompts = splitPrompts(text, 88);
    expect(prompts.length).toBeGreaterThan(1);
    for (const prompt of prompts.slice(0, -1)) expect(prompt).not.toMatch(/\?$/);
    expect(prompts.some((p) => p.includes('Sans internet ? Un agent'))).toBe(true);
  });
});

describe('fillers', () => {
  it.each([
    ['euh', ''],
    ['Euuuh…', ''],
    ['allô ? allô', ''],
    ['euh… ben Annecy', 'Annecy'],
    ['ah oui', 'oui'],
    ['Benon', 'Benon'],
  ])('%j is heard as %j', (speech, heard) => {
    expect(withoutFillers(speech, voiceWording.fillers)).toBe(heard);
  });
});
