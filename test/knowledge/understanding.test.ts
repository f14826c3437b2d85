// The deterministic reader on the real communes and procedures: whole sentences, homonyms settled by what else is
// known, dates that are not places, situations an entry does not cover. And the evaluation's floor (README).
import { describe, expect, it } from 'vitest';
import { procedures } from '../../data/procedures/index.js';
import { readerVocabulary } from '../../data/reader-vocabulary.js';
import { createDeterministicReader } from '../../src/knowledge/understanding/deterministic-reader.js';
import { scamSignal } from '../../src/knowledge/understanding/scam-signals.js';
import { loadDirectory } from '../../src/runtime/node/reference-data.js';
import { evaluate, formatReport, loadCases } from '../../scripts/understanding-eval.js';
import { modelPath } from '../../scripts/model-eval.js';

const reader = createDeterministicReader({ directory: loadDirectory(), procedures, vocabulary: readerVocabulary });

/** The floor README states (« Understanding evaluation »): the deterministic reader must not fall below it. */
const ACCURACY_FLOOR = 0.9;
const MENU_FALLBACK_CEILING = 0.15;
const MODEL_ACCURACY_FLOOR = 0.97;

describe('the understanding evaluation', () => {
  it('has at least 200 messages, each intent represented', () => {
    const cases = loadCases();
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((c) => c.intent)).size).toBeGreaterThanOrEqual(9);
  });

  it(`reads at least ${ACCURACY_FLOOR * 100} % of them right and sends at most ${MENU_FALLBACK_CEILING * 100} % back to the menu`, async () => {
    const report = await evaluate(reader);
    expect(report.accuracy, formatReport(report, 'Deterministic reader')).toBeGreaterThanOrEqual(ACCURACY_FLOOR);
    expect(report.menuFallback).toBeLessThanOrEqual(MENU_FALLBACK_CEILING);
  });

  it('reads more right and sends fewer to the menu with the model behind it (recorded answers, through the openai package)', async () => {
    const path = await modelPath(reader, { env: {} });
    try {
      const [alone, withModel] = [await evaluate(reader), await evaluate(path.reader)];
      expect(path.asked().unrecorded, 'every message sent to the model has a recorded answer').toBe(0);
      expect(withModel.accuracy, formatReport(withModel, 'With the model')).toBeGreaterThanOrEqual(MODEL_ACCURACY_FLOOR);
      expect(withModel.accuracy).toBeGreaterThan(alone.accuracy);
      // Never more to the menu; both may reach the floor, the share of messages that really ask nothing we know.
      const unknownShare = loadCases().filter((c) => c.intent === 'unknown').length / loadCases().length;
      expect(withModel.menuFallback).toBeLessThanOrEqual(alone.menuFallback);
      expect(withModel.menuFallback).toBeLessThanOrEqual(unknownShare + 0.01);
    } finally {
      await path.close();
    }
  });
});

describe('the deterministic reader', () => {
  it('recognises a scam without the word « arnaque », and knows when it is happening now', async () => {
    const call = await reader.read("la banque m'appelle, ils veulent le code reçu par SMS pour annuler un virement");
    expect(call).toMatchObject({ intent: 'scam', urgency: 'now' });
    expect((await reader.read('Ameli : votre carte Vitale expire, renouvelez-la sur https://ameli-carte.info')).intent).toBe('scam');
    const carer = await reader.read('mon père a donné ses codes à un faux conseiller');
    expect(carer).toMatchObject({ intent: 'scam', urgency: 'now', forWhom: 'relative' });
    const paying = await reader.read('un conseiller me demande le code reçu par SMS pour valider mon paiement en ligne');
    expect(paying.intent).toBe('scam');
  });

  it('sees a scam in bank details or the sécu number asked on a call, not in a letter or an ordinary question', async () => {
    for (const text of [
      "j'ai reçu un appel d'un conseiller ameli qui me demande mon numéro de sécu et mon rib",
      "un monsieur de la banque m'a appelé, il veut mon iban pour me rembourser",
    ]) {
      expect(await reader.read(text), text).toMatchObject({ intent: 'scam', urgency: 'now' });
    }
    for (const text of [
      'la caf me demande un rib',
      "j'ai reçu un courrier de la caf qui me demande mon rib",
      "ma conseillère bancaire m'a appelé pour un rendez-vous",
      "comment trouver mon rib sur l'appli de la banque",
    ]) {
      expect((await reader.read(text)).intent, text).not.toBe('scam');
    }
  });

  it('does not see a scam in an ordinary question about codes or the bank', async () => {
    const ordinary = [
      "j'ai oublié mon mot de passe ameli",
      'il me faut une attestation de paiement pour la banque',
      'renouveler mon passeport',
      'ma banque me demande un code reçu par SMS pour valider mon achat en ligne',
    ];
    for (const message of ordinary) {
      expect(scamSignal(message, readerVocabulary), message).toBeUndefined();
    }
  });

  it('reads the need, not the first procedure word', async () => {
    expect((await reader.read("un ordinateur pas cher, je suis à la retraite")).intent).toBe('equipment');
    expect((await reader.read("cours d'informatique pour les retraités")).intent).toBe('learn');
    expect((await reader.read("quelqu'un pour m'aider à remplir mes papiers")).intent).toBe('place');
    expect((await reader.read("je voudrais qu'on m'appelle")).intent).toBe('callback');
    expect((await reader.read('je voudrais parler à un conseiller')).intent).toBe('person');
  });

  it('reads an appointment asked for as being received near home, unless the procedure itself takes one', async () => {
    // Carte grise: all online, no counter; an appointment is with someone who does it with the person.
    expect(await reader.read("je voudrais un rendez-vous pour ma carte grise, j'habite Saint-Flour")).toMatchObject({ intent: 'procedure', procedureId: 'carte-grise', need: 'demarches', location: { name: 'Saint-Flour' } });
    expect(await reader.read('un rdv à Saint-Flour svp')).toMatchObject({ intent: 'place', need: 'demarches', location: { name: 'Saint-Flour' } });
    // The ID card's steps take the appointment at a town hall: they answer it.
    const card = await reader.read("je voudrais un rendez-vous pour ma carte d'identité");
    expect(card).toMatchObject({ intent: 'procedure', procedureId: 'carte-identite' });
    expect(card.need).toBeUndefined();
    // An appointment the person already has asks for nothing.
    const held = await reader.read("j'ai rendez-vous pour ma carte grise demain");
    expect(held).toMatchObject({ intent: 'procedure', procedureId: 'carte-grise' });
    expect(held.need).toBeUndefined();
  });

  it('reads a locked phone as its entry, and a present one cannot use as learning', async () => {
    for (const message of ['mon téléphone est bloqué je ne me souviens plus du code', 'téléphone bloqué, code', 'il me demande le code PUK']) {
      expect(await reader.read(message), message).toMatchObject({ intent: 'procedure', procedureId: 'telephone-bloque-code' });
    }
    // A code asked for on a call is still a scam first.
    expect((await reader.read("on me demande mon code pin au téléphone, c'est la banque")).intent).toBe('scam');
    expect(await reader.read("mon petit fils m'a offert une tablette je sais pas m'en servir, j'habite à Guéret")).toMatchObject({ intent: 'learn', need: 'apprendre', location: { name: 'Guéret' } });
  });

  it('reads what happened, and says when the entry found explains something else', async () => {
    // A lost carte Vitale has its own entry; a lost carte grise is explained by the general entry, which says so.
    expect(await reader.read("j'ai perdu ma carte vitale")).toMatchObject({ intent: 'procedure', procedureId: 'carte-vitale-perdue', situation: 'lost' });
    const lost = await reader.read("j'ai perdu ma carte grise");
    expect(lost).toMatchObject({ intent: 'procedure', procedureId: 'carte-grise', situation: 'lost', situationNotCovered: true });
    const password = await reader.read("j'ai oublié mon mot de passe des impôts");
    expect(password).toMatchObject({ intent: 'procedure', procedureId: 'mot-de-passe-impots', situation: 'password' });
    expect(password.situationNotCovered).toBeUndefined();
  });

  it('reads a password or a login lost as forgotten, not as a lost paper', async () => {
    const impots = await reader.read("Bonjour, je n'arrive plus à me connecter sur impots.gouv, j'ai perdu mon mot de passe. Je suis à Quimper.");
    expect(impots).toMatchObject({ intent: 'procedure', procedureId: 'mot-de-passe-impots', situation: 'password' });
    expect(impots.situationNotCovered).toBeUndefined();
    expect(await reader.read("j'ai perdu mon identifiant ameli")).toMatchObject({ procedureId: 'mot-de-passe-ameli', situation: 'password' });
    // A card lost while the account still works stays a lost card.
    expect(await reader.read("j'ai perdu ma carte vitale, je n'arrive pas à me connecter")).toMatchObject({ procedureId: 'carte-vitale-perdue', situation: 'lost' });
  });

  it('reads an energy supply cut for an unpaid bill as its entry, and a storm’s power cut as no unpaid bill', async () => {
    const cut = await reader.read("EDF m'a envoyé une menace de coupure, j'ai une facture impayée");
    expect(cut).toMatchObject({ intent: 'procedure', procedureId: 'coupure-energie-impaye' });
    const storm = await reader.read("j'ai une coupure de courant depuis ce matin à cause de la tempête");
    expect(storm).not.toMatchObject({ procedureId: 'coupure-energie-impaye' });
  });

  it('reads scanning a paper for an office as the scanning entry, not the office’s own procedure', async () => {
    expect(await reader.read("comment scanner un document avec mon téléphone pour l'envoyer à la caf")).toMatchObject({ intent: 'procedure', procedureId: 'scanner-document' });
    expect(await reader.read('Bonjour je voudrais savoir comment numériser mes papiers')).toMatchObject({ intent: 'procedure', procedureId: 'scanner-document' });
  });

  it('reads a letter from the Caf asking for money back as its debt, and the same asked by SMS as a scam', async () => {
    expect(await reader.read("j'ai reçu un courrier de la CAF qui me demande de rembourser 800 euros, je ne comprends pas")).toMatchObject({ intent: 'procedure', procedureId: 'dette-caf' });
    expect(await reader.read('la caf me réclame un trop perçu')).toMatchObject({ intent: 'procedure', procedureId: 'dette-caf' });
    expect(await reader.read("j'ai reçu un sms de la caf qui me demande de rembourser 80 euros")).toMatchObject({ intent: 'scam' });
    // A call or a link that comes with the letter is the scam's contact again.
    expect(await reader.read("on m'a appelé de la caf suite à un courrier, il faut payer 200 euros par virement")).toMatchObject({ intent: 'scam' });
  });

  it('reads a fine for someone else’s driving, a lost tax number, an attachment and glasses as their own entries', async () => {
    expect(await reader.read("j'ai reçu une amende pour un excès de vitesse mais ce n'était pas moi qui conduisais")).toMatchObject({ procedureId: 'amende-autre-conducteur' });
    expect(await reader.read("j'ai été flashé mais c'est mon fils qui avait la voiture")).toMatchObject({ procedureId: 'amende-autre-conducteur' });
    expect(await reader.read('mon numéro fiscal je ne le trouve pas')).toMatchObject({ procedureId: 'numero-fiscal' });
    expect(await reader.read("bonjour, je n'arrive pas à ouvrir la pièce jointe d'un mail")).toMatchObject({ procedureId: 'ouvrir-piece-jointe' });
    expect(await reader.read('Je cherche une aide pour payer mes lunettes, je suis à la retraite avec une petite pension')).toMatchObject({ procedureId: 'complementaire-sante-solidaire' });
    // Sending a paper stays the scanning entry.
    expect(await reader.read('comment joindre une pièce jointe pour la caf')).toMatchObject({ procedureId: 'scanner-document' });
  });

  it('reads a change of bank for the pension, and which pension fund to call, as their entries; a RIB asked on a call as a scam', async () => {
    expect(await reader.read("j'ai changé de banque, comment je donne mon nouveau RIB à la retraite")).toMatchObject({ procedureId: 'changer-rib-retraite' });
    expect(await reader.read("je voudrais contacter ma caisse de retraite mais je ne sais pas laquelle c'est")).toMatchObject({ procedureId: 'trouver-caisse-retraite' });
    expect(await reader.read("un monsieur m'a demandé mon RIB au téléphone pour ma retraite")).toMatchObject({ intent: 'scam', urgency: 'now' });
    // Called, said of a woman: « appelée ».
    expect(await reader.read("une dame de la carsat m'a appelée, elle demande mon RIB")).toMatchObject({ intent: 'scam', urgency: 'now' });
    // Money a pension fund paid is no scam.
    expect(await reader.read("j'ai reçu 800 euros de ma caisse de retraite")).not.toMatchObject({ intent: 'scam' });
    expect(await reader.read('quelle heure est il')).toMatchObject({ intent: 'unknown' });
  });

  it('reads a false technician taking control of the computer as a scam in progress, and installing an app as its entry', async () => {
    const technician = await reader.read("un monsieur m'a appelé en disant qu'il était de microsoft et que mon ordinateur avait un virus, il veut prendre le contrôle");
    expect(technician).toMatchObject({ intent: 'scam', urgency: 'now' });
    expect(await reader.read("un technicien m'a demandé d'installer anydesk")).toMatchObject({ intent: 'scam', urgency: 'now' });
    expect(await reader.read('comment installer une application sur ma tablette')).toMatchObject({ intent: 'procedure', procedureId: 'installer-application' });
    expect(await reader.read('je voudrais prendre le contrôle de mon ordinateur à distance pour aider ma mère')).not.toMatchObject({ intent: 'scam' });
  });

  it('reads a lost family record book and the electoral rolls as their entries', async () => {
    expect(await reader.read("j'ai perdu mon livret de famille")).toMatchObject({ procedureId: 'livret-famille-perdu', situation: 'lost' });
    expect(await reader.read("je voudrais m'inscrire sur les listes électorales")).toMatchObject({ procedureId: 'listes-electorales' });
    // A copy of a birth certificate stays the civil-status entry.
    expect(await reader.read('comment avoir une copie de mon acte de naissance')).toMatchObject({ procedureId: 'acte-etat-civil' });
  });

  it('finds a commune whose article lost its apostrophe in a sentence (« j’habite a lile rousse »)', async () => {
    expect(await reader.read("j'habite a lile rousse")).toMatchObject({ location: { name: "L'Île-Rousse", postalCode: '20220' } });
    expect(await reader.read('jhabite a lhay les roses')).toMatchObject({ location: { name: "L'Haÿ-les-Roses" } });
  });

  it('reads a box that no longer works as its breakdown entry, not as a card it has no entry for', async () => {
    const box = await reader.read("ma box internet ne marche plus depuis l'orage");
    expect(box).toMatchObject({ intent: 'procedure', procedureId: 'panne-internet-box' });
    expect(box.situationNotCovered).toBeUndefined();
  });

  it('reads a card refused online, a phone that no longer rings and the pension’s amount as their entries', async () => {
    expect(await reader.read("je n'arrive pas à payer en ligne, ma carte est refusée")).toMatchObject({ procedureId: 'carte-refusee-en-ligne' });
    expect(await reader.read('mon téléphone ne sonne plus quand on m’appelle')).toMatchObject({ procedureId: 'telephone-ne-sonne-plus' });
    expect(await reader.read("je voudrais savoir combien je vais toucher à la retraite, j'ai 61 ans")).toMatchObject({ procedureId: 'estimation-retraite' });
    // Applying stays the application's entry.
    expect(await reader.read('je voudrais faire ma demande de retraite')).toMatchObject({ procedureId: 'demande-retraite' });
  });

  it('reads a fine received by post as one to pay, and the same asked by SMS with a link as a scam', async () => {
    expect(await reader.read("je dois payer une amende de stationnement que j'ai reçue par courrier")).toMatchObject({ intent: 'procedure', procedureId: 'payer-amende' });
    expect((await reader.read("j'ai reçu un sms pour payer une amende de stationnement avec un lien")).intent).toBe('scam');
    // « Je ne conduis plus » is no fine for someone else's driving, and no trip to the doctor either.
    expect((await reader.read('je ne conduis plus, comment aller faire mes courses')).procedureId).toBeUndefined();
    expect(await reader.read("j'ai eu une amende mais je ne conduisais pas")).toMatchObject({ procedureId: 'amende-autre-conducteur' });
  });

  it('reads getting to the doctor without a car, the tax notice not understood, an attachment to send and a fake profile as their entries', async () => {
    expect(await reader.read("j'ai 82 ans et je ne peux plus conduire, comment aller chez le médecin")).toMatchObject({ procedureId: 'transport-medical' });
    expect(await reader.read("je voudrais un taxi pour aller à l'hôpital, c'est remboursé ?")).toMatchObject({ procedureId: 'transport-medical' });
    expect(await reader.read("j'ai reçu mon avis d'imposition et je ne comprends rien")).toMatchObject({ procedureId: 'comprendre-avis-impot' });
    expect(await reader.read('je voudrais apprendre à envoyer un mail avec une pièce jointe')).toMatchObject({ procedureId: 'envoyer-piece-jointe' });
    expect(await reader.read("je dois envoyer une photo de ma carte d'identité à ma banque")).toMatchObject({ procedureId: 'envoyer-piece-jointe' });
    expect(await reader.read("quelqu'un a créé un faux profil facebook à mon nom")).toMatchObject({ intent: 'procedure', procedureId: 'faux-profil' });
  });

  it('reads someone posing as the bank as a scam, and a death with the bank and the pension as the checklist', async () => {
    expect((await reader.read("quelqu'un se fait passer pour ma banque au téléphone")).intent).toBe('scam');
    expect((await reader.read("un soi-disant conseiller de l'assurance maladie m'a appelé")).intent).toBe('scam');
    expect(await reader.read('mon mari est décédé la semaine dernière, que dois-je faire pour la banque et la retraite')).toMatchObject({ procedureId: 'deces-proche' });
    expect(await reader.read('mon époux est décédé, ai-je droit à la réversion')).toMatchObject({ procedureId: 'pension-reversion' });
  });

  it('reads the day of the week a place is asked about', async () => {
    expect(await reader.read('est-ce que la France services de Riom est ouverte le samedi')).toMatchObject({ intent: 'place', weekday: 5, location: { name: 'Riom' } });
    expect((await reader.read('je cherche une France services à Riom')).weekday).toBeUndefined();
  });

  it('reads an everyday place that is also a commune (L’Hôpital, Campagne) as the place, unless written with its capital', async () => {
    const hospital = await reader.read("je n'ai plus de voiture pour aller à l'hôpital");
    expect(hospital.location).toBeUndefined();
    expect(hospital.procedureId).toBe('transport-medical');
    expect((await reader.read("j'habite à la campagne, où trouver de l'aide")).location).toBeUndefined();
    expect((await reader.read("j'emmène ma petite fille à l'école")).location).toBeUndefined();
    expect((await reader.read("j'habite à L'Hôpital en Moselle, où faire mes papiers")).location).toMatchObject({ name: "L'Hôpital", postalCode: '57490' });
    expect((await reader.read("j'habite à Mer, une aide pour internet")).location).toMatchObject({ name: 'Mer' });
  });

  it('names an entry by the words of its thing, not by its situation alone (the retirement account, not ameli)', async () => {
    const retirement = await reader.read('mot de passe oublié pour mon compte retraite');
    expect(retirement).toMatchObject({ intent: 'procedure', procedureId: 'espace-retraite', situation: 'password' });
    expect(retirement.alternativeProcedureId).toBeUndefined();
    // Ameli's password entry still wins when ameli is named; the site-agnostic entry when nothing is.
    expect(await reader.read("j'ai oublié mon mot de passe ameli")).toMatchObject({ procedureId: 'mot-de-passe-ameli' });
    expect(await reader.read("j'ai oublié mon mot de passe")).toMatchObject({ procedureId: 'mot-de-passe-oublie' });
    // A typo still names an entry whose synonyms speak of a situation (the passport's of renewing).
    expect(await reader.read('pasport')).toMatchObject({ intent: 'procedure', procedureId: 'passeport' });
  });

  it('reads SMS spellings and a person saying she is lost, and knows a pasted prize or data request for a scam', async () => {
    expect(await reader.read('g besoin d1 tablette pa chere')).toMatchObject({ intent: 'equipment' });
    expect(await reader.read('jvoudré fer ma carte grise')).toMatchObject({ intent: 'procedure', procedureId: 'carte-grise' });
    const lost = await reader.read('je suis perdue avec la carte grise de ma voiture');
    expect(lost).toMatchObject({ intent: 'procedure', procedureId: 'carte-grise' });
    expect([lost.situation, lost.situationNotCovered]).toEqual([undefined, undefined]);
    expect((await reader.read('Vous avez gagne un iPhone, repondez OUI pour le recevoir')).intent).toBe('scam');
    expect((await reader.read('Votre compte ameli est suspendu, mettez a jour vos coordonnees bancaires')).intent).toBe('scam');
    // Winning is no scam said by the person herself, nor updating her own details.
    expect(scamSignal("j'ai gagné au loto, comment déclarer mes gains aux impôts", readerVocabulary)).toBeUndefined();
    expect(scamSignal('je voudrais mettre a jour mes coordonnees sur ameli', readerVocabulary)).toBeUndefined();
  });

  it('reads everyday ways of naming a need that are not in the evaluation (paraphrases written apart from it)', async () => {
    // Written after the synonyms they exercise were added for the evaluation's misreads, and not tuned on: 6 of 11
    // were right before those synonyms, 10 on their first run; the eleventh showed that « argent disparu » made the
    // fraudulent-payment entry read as a loss, and that synonym was dropped.
    const said: [string, string][] = [
      ["quelqu'un a fait des achats avec ma carte bleue mais elle est dans mon porte monnaie", 'paiement-frauduleux'],
      ['mon compte en banque a ete vide hier', 'paiement-frauduleux'],
      ["ma retraite est toute petite, je n'arrive pas a vivre avec", 'aspa'],
      ["y a t il une aide pour les personnes agees qui ont peu d'argent", 'aspa'],
      ['comment ne pas perdre mes photos si je change de telephone', 'sauvegarder-photos'],
      ['je voudrais voir mes petits enfants en image sur la tablette', 'appel-video-whatsapp'],
      ["des vendeurs de panneaux solaires m'appellent tous les jours", 'bloctel'],
      ["le docteur veut me voir par la camera de l'ordinateur", 'teleconsultation'],
      ["je n'arrive pas a me connecter sur la secu, mon code ne marche pas", 'mot-de-passe-ameli'],
      ['mon epoux est decede, ai-je droit a la reversion', 'pension-reversion'],
      ['ma femme est morte, je peux toucher une part de sa retraite ?', 'pension-reversion'],
    ];
    const read = await Promise.all(said.map(async ([text]) => [text, (await reader.read(text)).procedureId]));
    expect(read).toEqual(said);
  });

  it('does not read a common verb as a typo of an entry’s word (« veut » is not « veuf »)', async () => {
    for (const text of ['la machine de la poste elle veut pas de mon papier', 'le toubib veut me causer a travers l ecran']) {
      expect((await reader.read(text)).procedureId, text).not.toBe('pension-reversion');
    }
    expect((await reader.read('je suis veuve depuis mars')).procedureId).toBe('pension-reversion');
  });

  it('does not read a month as a commune', async () => {
    const reading = await reader.read('mon mari est décédé au mois de mars, pour la pension de réversion');
    expect(reading.location).toBeUndefined();
    expect(reading.procedureId).toBe('pension-reversion');
    expect((await reader.read('ma femme est décédée le 3 avril')).location).toBeUndefined();
  });

  it('settles homonyms by what else is known, and asks when nothing does', async () => {
    const alone = await reader.read("j'habite Saint-Denis, je cherche une France Services");
    expect(alone.location).toBeUndefined();
    expect(alone.locationChoices?.map((c) => c.postalCode)).toEqual(expect.arrayContaining(['93200', '97400']));
    const landline = await reader.read("j'habite Saint-Denis", { from: '+33148000000' });
    expect(landline.location?.postalCode).toBe('93200');
    const platform = await reader.read("j'habite Saint-Denis", { departement: '974' });
    expect(platform.location?.postalCode).toBe('97400');
    const postal = await reader.read('Saint-Denis 93200');
    expect(postal.location?.name).toBe('Saint-Denis');
  });

  it('finds a commune typed alone, with its postal code, or by its official name inside a sentence', async () => {
    expect((await reader.read('Perpignan')).location?.name).toBe('Perpignan');
    expect((await reader.read('Nasbinals 48260')).location).toMatchObject({ name: 'Nasbinals', query: 'Nasbinals 48260' });
    expect((await reader.read("j'habite au Puy-en-Velay et je cherche de l'aide")).location?.name).toBe('Le Puy-en-Velay');
    expect((await reader.read('une France Services vers Figeac')).location?.name).toBe('Figeac');
  });

  it('finds a commune said without its end, or written with its hyphens without a cue, asks among towns, and guesses nothing from a common word', async () => {
    const at = async (message: string) => ((await reader.read(message)) as { location?: { name: string } }).location?.name;
    expect(await at('y a t il un endroit pour imprimer à Cherbourg')).toBe('Cherbourg-en-Cotentin');
    expect(await at("j'habite à Montceau, où faire mes papiers")).toBe('Montceau-les-Mines'); // 18,000 people against 100
    expect(await at('besoin aide pour mes impots Bourg-en-Bresse')).toBe('Bourg-en-Bresse');
    // A village of the Marne is named Charleville; the town of 46,000 is meant, as for a homonym.
    expect(await at("j'habite à Charleville, où faire mes papiers")).toBe('Charleville-Mézières');
    expect(await at('je suis à Mende')).toBe('Mende');
    // Large towns far apart begin so: asked, not guessed (a tiny one among them is not offered).
    const choices = async (message: string) => ((await reader.read(message)) as { locationChoices?: { name: string }[] }).locationChoices?.map((c) => c.name);
    expect(await choices("j'habite à Boulogne, où faire mes papiers")).toEqual(['Boulogne-Billancourt', 'Boulogne-sur-Mer']);
    expect(await choices("j'habite à Aix")).toEqual(['Aix-en-Provence', 'Aix-les-Bains']);
    // « Villefranche » is only a former village's name (in the Yonne): the towns it begins are asked about.
    expect(await choices("j'habite à Villefranche")).toEqual(['Villefranche-sur-Saône', 'Villefranche-de-Rouergue', 'Villefranche-de-Lauragais']);
    // A commune's name is not read as a procedure: « Fau-de-Peyre » is no typo of « faux » (site).
    expect(await reader.read("j'habite à Fau-de-Peyre")).toMatchObject({ intent: 'place', location: { name: 'Peyre en Aubrac' } });
    // Pied-de-Borne is the only commune beginning with « pied »: lowercase after a cue, it is a word.
    expect(await at('je ne peux pas aller à pied à la mairie')).toBeUndefined();
  });

  it('reads a conseiller numérique as learning, « proche de » as a place cue, and a small pension said of oneself as no request', async () => {
    expect(await reader.read('je voudrais un RDV avec un conseiller numérique à Dole')).toMatchObject({ intent: 'place', need: 'apprendre', location: { name: 'Dole' } });
    expect((await reader.read('je voudrais parler à un conseiller')).intent).toBe('person');
    expect(await reader.read('ou est la france services la plus proche de Tulle')).toMatchObject({ intent: 'place', location: { name: 'Tulle' } });
    expect(await reader.read("j'ai une petite retraite et je voudrais une aide pour ma mutuelle")).toMatchObject({ procedureId: 'complementaire-sante-solidaire', constraints: ['cost'] });
    expect(await reader.read("j'ai une petite retraite, il y a une aide ?")).toMatchObject({ procedureId: 'aspa' });
  });

  it('reads a caregiver’s need and tiredness, to ask neither again', async () => {
    const reading = await reader.read("je m'occupe de mon père à Aurillac, il a besoin d'aide pour ses papiers, je suis épuisée");
    expect(reading).toMatchObject({ intent: 'relative', need: 'demarches', location: { name: 'Aurillac' } });
    expect(reading.constraints).toContain('carerExhausted');
  });
});
