// The pieces that keep a model to understanding: what is masked before sending, what of an answer is kept, and the
// Albert rule for any model-phrased text (removing every number, address and amount our data does not hold).
import { describe, expect, it } from 'vitest';
import { procedures } from '../../data/procedures/index.js';
import { groundedText } from '../../src/knowledge/understanding/grounded-text.js';
import { modelResponseFormat, parseModelAnswer } from '../../src/knowledge/understanding/model-reading.js';
import { maskPrivateData } from '../../src/knowledge/understanding/private-data.js';
import { modelAnswer } from '../../scripts/fake-openai.js';

const ids = new Set(procedures.map((p) => p.id));

describe('masking what is sent to the model', () => {
  it.each([
    ['appelez moi au 06 12 34 56 78 svp', 'appelez moi au [numéro] svp'],
    ['mon fixe 04.66.49.66.66', 'mon fixe [numéro]'],
    ['+33 6 12 34 56 78 c est moi', '[numéro] c est moi'],
    ['0612345678', '[numéro]'],
    ['ma carte 4970 1012 3456 7890 a été débitée', 'ma carte [numéro] a été débitée'],
    ['secu 1 52 03 75 123 456 78', 'secu [numéro]'],
    ['le code reçu est 482913', 'le code reçu est [numéro]'],
    ['écrivez à jean.dupont@orange.fr merci', 'écrivez à [adresse e-mail] merci'],
  ])('%s', (text, masked) => expect(maskPrivateData(text)).toBe(masked));

  it('keeps postal codes, years and small numbers, which help and identify no one', () => {
    for (const text of ['je suis au 48000', 'entre 48000 et 48100', 'né en 1942, 3 enfants', 'le 12/03']) expect(maskPrivateData(text)).toBe(text);
  });
});

describe('reading what the model answers', () => {
  const answer = (fields: Record<string, unknown>) => JSON.stringify(modelAnswer(fields));

  it('keeps a reading in our vocabulary', () => {
    expect(parseModelAnswer(answer({ intent: 'procedure', procedureId: 'passeport', situation: 'stolen', commune: ' Mende ' }), ids)).toMatchObject({
      intent: 'procedure',
      procedureId: 'passeport',
      situation: 'stolen',
      commune: 'Mende',
    });
  });

  it('drops an id that is not ours, and a procedure reading left without one', () => {
    expect(parseModelAnswer(answer({ intent: 'place', procedureId: 'made-up' }), ids)?.procedureId).toBeNull();
    expect(parseModelAnswer(answer({ intent: 'procedure', procedureId: 'made-up' }), ids)).toBeUndefined();
  });

  it('refuses anything that is not a reading: invalid JSON, unknown intents (« safe »), missing fields', () => {
    for (const content of ['', 'null', '{"intent":', 'Appelez le 01 23 45 67 89', answer({ intent: 'safe' }), JSON.stringify({ intent: 'unknown' }), answer({ urgency: 'tout de suite' })]) {
      expect(parseModelAnswer(content, ids)).toBeUndefined();
    }
  });

  it('drops fields outside the schema, so nothing extra can ride along', () => {
    const parsed = parseModelAnswer(JSON.stringify({ ...modelAnswer({ intent: 'learn' }), reply: 'Appelez le 08 99 12 34 56' }), ids);
    expect(parsed).toBeDefined();
    expect(JSON.stringify(parsed)).not.toContain('08 99');
  });

  it('asks for a strict JSON schema: every field required, nothing more, no « safe » verdict possible', () => {
    const { json_schema } = modelResponseFormat();
    expect(json_schema.strict).toBe(true);
    const schema = json_schema.schema as { required: string[]; additionalProperties: boolean; properties: Record<string, { enum?: string[] }> };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required.sort()).toEqual(Object.keys(schema.properties).sort());
    expect(schema.properties['intent']!.enum).not.toContain('safe');
  });
});

describe('the Albert rule: model-phrased text keeps only what our data holds', () => {
  const grounding = ["Appelez le 36 46 (service gratuit). Site officiel : https://www.ameli.fr. L'ASPA est de 1 034,28 € par mois.", 'France Services de Mende : 04 66 49 66 66'];

  it.each([
    ['Appelez le 01 23 45 67 89 pour un remboursement.', 'Appelez le pour un remboursement.'],
    ['Appelez le +33 1 23 45 67 89.', 'Appelez le.'],
    ['Composez le 0899123456', 'Composez le'],
    ['Le numéro est le ０１ ２３ ４５ ６７ ８９', 'Le numéro est le'],
    ['Allez sur https://ameli-remboursement.info/login pour vous connecter', 'Allez sur pour vous connecter'],
    ['Allez sur www.impots-gouv-remboursement.com', 'Allez sur'],
    ['Allez sur ameli-rembourse.info vite', 'Allez sur vite'],
    ['Cliquez bit.ly/3xVit', 'Cliquez'],
    ['Vous toucherez 1 500 € par mois', 'Vous toucherez par mois'],
    ['Vous toucherez 200 euros', 'Vous toucherez'],
    ['Payez €30 de frais', 'Payez de frais'],
  ])('removes what it invented: %s', (text, expected) => expect(groundedText(text, grounding)).toBe(expected));

  it('keeps the numbers, addresses and amounts of the grounding, however they are written', () => {
    const text = "Appelez le 36 46 ou la France Services au 04.66.49.66.66. Site : www.ameli.fr. L'ASPA : 1 034,28 € par mois.";
    expect(groundedText(text, grounding)).toBe(text);
    expect(groundedText('Appelez le +33 4 66 49 66 66', grounding)).toBe('Appelez le +33 4 66 49 66 66');
  });

  it('leaves text with no number, address or amount untouched', () => {
    const text = "Prenez votre carte Vitale et une pièce d'identité. Un agent peut vous aider.";
    expect(groundedText(text, grounding)).toBe(text);
  });
});
