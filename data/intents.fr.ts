// Everyday French words that reveal what a free sentence is about, read by the deterministic reader
// (src/knowledge/understanding/). Matched as whole words on normalised text (lowercase, no accents, no apostrophes).
import { openingWording } from './labels.fr.js';

/** Words that name a scam or a worry about one, whatever else the message says. */
export const scamWords = [
  'arnaque', 'arnaques', 'arnaquer', 'arnaquee', 'escroquerie', 'escroc', 'escrocs', 'frauduleux', 'frauduleuse', 'fraude',
  'hameconnage', 'phishing', 'piratage', 'pirate', 'piratee', 'fait avoir', 'faite avoir', 'coupons pcs', 'coupon pcs', 'pcs',
  'transcash', 'neosurf', 'colis en attente', 'pris la main', 'prise de main',
];
/** « faux … » / « fausse … » before one of these is a scam: a faux conseiller, une fausse banque. */
export const fakeWords = ['faux', 'fausse', 'fausses'];
export const impostorNouns = [
  'conseiller', 'conseillere', 'banquier', 'banque', 'technicien', 'policier', 'gendarme', 'plombier', 'agent', 'livreur', 'site',
  'sms', 'message', 'mail', 'email', 'numero', 'facture', 'huissier', 'neveu', 'petit', 'vendeur', 'depanneur', 'ameli',
];
/** Words of doubt: a scam worry at the menu, but too weak to interrupt an answer elsewhere. */
export const scamDoubtWords = ['suspect', 'suspecte', 'bizarre', 'louche', 'douteux', 'douteuse', 'c est normal', 'c normal', 'est ce vrai', 'est ce normal'];

/** What a scammer asks for. */
export const secretWords = [
  'code', 'codes', 'code secret', 'mot de passe', 'identifiant', 'identifiants', 'numero de carte', 'carte bleue', 'carte bancaire',
  'cryptogramme', 'secure', 'securipass', 'code de validation', 'code recu',
];
/** Asking or handing over. */
export const askWords = ['demande', 'demander', 'demandent', 'veut', 'veulent', 'donner', 'donne', 'donnee', 'valider', 'validez', 'confirmer', 'confirmez', 'communiquer', 'dicter', 'taper', 'dit de', 'faut'];
/** Whom scammers pretend to be. */
export const impostorWords = [
  'banque', 'banquier', 'conseiller', 'conseillere', 'gendarme', 'gendarmerie', 'police', 'policier', 'technicien', 'microsoft',
  'livreur', 'ameli', 'assurance maladie', 'impots', 'antai', 'cpf', 'la poste', 'chronopost', 'colissimo', 'colis', 'credit agricole',
  'caisse d epargne', 'service client', 'la banque', 'ma banque', 'edf', 'caf',
  // Someone the person does not name: « un monsieur m'a demandé mon RIB au téléphone ».
  'un monsieur', 'une dame', 'un inconnu', 'une inconnue',
];
/** A phone call received. */
const phoneCallWords = ['appele', 'appelee', 'appelle', 'appel', 'au telephone', 'ma appeler', 'm a appele', 'm a appelee', 'allo'];
/** Someone reaching out by phone, SMS or mail. */
export const remoteContactWords = [...phoneCallWords, 'en ligne', 'message', 'sms', 'mail', 'texto'];
export const contactWords = [...remoteContactWords, 'recu', 'me dit', 'dit que', 'il dit', 'ils disent'];
/**
 * A letter in the post: how the Caf, the tax office or the ANTAI write to ask for money. Said without a call, a
 * message or a link, it is not the contact a scam makes (« j'ai reçu un courrier de la Caf qui me demande de rembourser »).
 */
export const postWords = ['un courrier', 'une lettre', 'par courrier', 'par la poste', 'boite aux lettres', 'en recommande', 'lettre recommandee'];
/** Money asked or gone. */
export const paymentWords = [
  'virement', 'virer', 'payer', 'paye', 'payez', 'reglez', 'regler', 'frais', 'euros', 'argent', 'debite', 'debitee', 'preleve',
  'prelevement', 'remboursement', 'amende', 'majoration', 'paiement', 'operation',
];
/** Pressure, threats, « mettez à jour ». */
export const threatWords = [
  'expire', 'expiration', 'suspendu', 'suspendue', 'bloque', 'bloquee', 'bloquer', 'urgent', 'urgence', 'avant demain', 'sous 48h',
  'derniere relance', 'mettez a jour', 'mettre a jour', 'renouvelez', 'renouveler', 'impayee', 'impaye', 'virus', 'securise',
  'frauduleuse', 'annuler', 'droits a utiliser',
];
/** A prize announced to the reader of a pasted message: the lure of « reply » or « click » scams. */
export const prizeWords = ['vous avez gagne', 'vous etes le gagnant', 'vous etes la gagnante', 'heureux gagnant', 'heureuse gagnante', 'tire au sort', 'tiree au sort', 'cadeau vous attend', 'lot a retirer', 'lot a recuperer'];
/** What a pasted message asks the reader to do: reply, call, confirm, send. */
export const replyWords = ['repondez', 'repondre', 'rappelez', 'envoyez', 'confirmez', 'recevoir', 'reclamer', 'recuperer'];
/**
 * Bank details and the social security number: asked for on a call by someone posing as ameli or the bank, a scam
 * (neither asks them by phone); asked for by the CAF in a letter, an ordinary request.
 */
export const personalDataWords = ['rib', 'iban', 'numero de secu', 'numero de securite sociale', 'coordonnees bancaires', 'numero de compte'];
/** A phone call received (« au téléphone » said alone too): how the personal data above is fished for. */
export const callWords = [...phoneCallWords, 'telephone'];
/** Personal data asked for by a message (« mettez à jour vos informations »): no body asks that by SMS. */
export const dataRequestWords = ['vos informations', 'vos coordonnees', 'vos donnees', 'vos infos', 'votre rib', 'vos identifiants', 'informations personnelles', 'informations bancaires', 'coordonnees bancaires'];
/** A false technician taking control of the computer (« il veut prendre le contrôle », an app to install). */
export const remoteControlWords = [
  'prendre le controle', 'pris le controle', 'prendre la main', 'pris la main', 'controle a distance', 'a distance sur mon ordinateur',
  'installer un logiciel', 'installer une application', 'anydesk', 'teamviewer', 'mon ordinateur a un virus', 'mon ordinateur avait un virus',
];
/**
 * Someone pretending to be what they are not (« quelqu'un se fait passer pour ma banque », « un soi-disant
 * conseiller »): with one of the impostors above, a scam, whatever was asked yet.
 */
export const posingWords = [
  'se fait passer pour', 'se faisait passer pour', 'se font passer pour', 'se faire passer pour', 'se faisant passer pour',
  's est fait passer pour', 'soi disant', 'soit disant', 'pretendait etre', 'pretend etre',
];
/** A link to click. */
export const linkWords = ['clique', 'cliquer', 'cliquez', 'clik', 'cliquant', 'lien', 'http', 'https', 'www'];
/** Codes or money already gone: the person needs the « too late » advice at once. */
export const givenWords = [
  'j ai donne', 'jai donne', 'a donne', 'ai donne', 'donne ses codes', 'donne mes codes', 'donne son', 'donne le code', 'ai mis ma carte',
  'on m a pris', 'on ma pris', 'ils m ont pris', 'vole ses codes', 'vole mes codes', 'tout donne', 'a tout donne', 'debite', 'debitee',
];
/** The person paying online themselves: the bank's code by SMS is then the normal secure payment, not a scam. */
export const selfPaymentWords = [
  'payer en ligne', 'payer sur internet', 'paiement en ligne', 'achat en ligne', 'achat sur internet', 'acheter en ligne', 'acheter sur internet',
  'mon achat', 'ma commande', 'valider mon achat', 'valider mon paiement', 'commande sur internet', 'sur le site',
];
/** Someone else at the other end: with them, a code asked is a scam even during a payment. */
export const someoneElseWords = ['appel', 'appele', 'appelle', 'au telephone', 'conseiller', 'conseillere', 'quelqu un', 'monsieur', 'madame', 'technicien', 'gendarme', 'policier', 'lien', 'cliquer', 'cliquez'];
/** A relative's number said to have changed: the « Bonjour maman » scam. */
export const familyImpostorWords = [
  'change de numero', 'nouveau numero', 'perdu mon telephone', 'c est moi', 'c moi', 'ecris moi sur', 'mon tel est casse', 'telephone casse',
  'tel d un copain', 'tel dun copain', 'telephone d un ami', 'portable d un ami', 'portable d une amie',
];

/**
 * Attempts to give the service orders (« ignore tes instructions », « SYSTEM: », « id=aspa »): not a need. Read as
 * nothing, so that a message naming one of our ids as an order is not answered as if it asked for that entry.
 */
export const injectionWords = [
  'ignore tes instructions', 'ignore les instructions', 'ignore tes consignes', 'ignore les consignes', 'ignorez les instructions',
  'ignore les consignes precedentes', 'oublie tout ce qu', 'oublie tes instructions', 'oublie tes consignes', 'tu es maintenant',
  'tu es desormais', 'system', 'prompt', 'reponds intent', 'assistant sans regles', 'mode developpeur',
];

/** « Call me back », asked in so many words. */
export const callbackWords = [
  'rappelez moi', 'rappelez nous', 'me rappeler', 'me rappelle', 'me rappeliez', 'etre rappele', 'etre rappelee', 'qu on m appelle',
  'qu on me rappelle', 'qu on me telephone', 'appelez moi', 'me telephoner', 'rappel', 'rappelle moi', 'quelqu un m appelle',
  'quelqu un me rappelle', 'une personne m appelle',
];
/**
 * A conseiller numérique (« un rdv avec un conseiller numérique ») is who teaches the digital world near home: a place
 * to learn, not « a person now ». Read before the words asking for a person, and taken out of the text they read.
 */
export const digitalAdviserWords = ['conseiller numerique', 'conseillere numerique', 'conseillers numeriques', 'conseilleres numeriques', 'conseiller du numerique', 'conseillere du numerique'];
/** Said alone (« conseillère svp »), these ask for a person too; inside a longer sentence they may be about something else. */
export const personAloneWords = ['conseiller', 'conseillere', 'humain', 'quelqu un', 'une personne'];
/** A person now, rather than Relais. */
export const personWords = [
  'parler a un conseiller', 'parler a une conseillere', 'parler a quelqu un', 'parler a une personne', 'parler a un humain',
  'parler avec quelqu un', 'parler a une vraie personne', 'un humain', 'vraie personne', 'passez moi', 'un conseiller', 'une conseillere',
];

/** Words that name what someone wants to find nearby, mapped to the directory's needs. */
export const needWords: Record<string, string[]> = {
  demarches: ['france services', 'france service', 'demarche', 'demarches', 'papiers', 'dossier', 'maison france services', 'formulaire', 'remplir', 'administratif', 'administratifs', 'administratives'],
  apprendre: ['conseiller numerique', 'conseillere numerique', 'conseillers numeriques', 'apprendre', 'atelier', 'ateliers', 'cours', 'cour', 'formation', 'initiation', 'debutant', 'debutante', 'me servir', 'm en servir', 'sais pas l utiliser', 'sais pas utiliser', 'informatique', 'numerique', 'club', 'je suis nul', 'je suis nulle'],
  materiel: ['pas cher', 'pas chere', 'petit prix', 'reconditionne', 'reconditionnee', 'materiel', 'acheter', 'les moyens', 'le moyen', 'occasion', 'telephone simple'],
  internet: ['acces internet', 'wifi', 'connexion internet', 'internet gratuit', 'imprimer'],
};
/** The devices an equipment request is about. */
export const deviceWords = ['ordinateur', 'ordi', 'tablette', 'telephone', 'portable', 'smartphone', 'pc', 'appareil', 'materiel', 'informatique'];
/** Words that ask for a place rather than an explanation: they win over a procedure named in passing. */
export const placeWords = ['france services', 'france service', 'ou aller', 'endroit', 'lieu', 'imprimer', 'wifi', 'internet gratuit', 'acces internet', 'en vrai', 'pres de chez moi', 'plus proche', 'quelqu un pour m aider', 'ou avoir de l aide', 'ou puis je avoir de l aide', 'ou je peux avoir de l aide', 'ou trouver de l aide', 'ou me faire aider', 'ou puis je me faire aider'];

/**
 * An appointment asked for (« un rendez-vous pour ma carte grise »): to be received by someone who does the procedure
 * with the person, so a place, unless the procedure's own steps include one (a town hall takes the ID card by
 * appointment: then the steps answer it).
 */
export const appointmentWords = ['rendez vous', 'rdv', 'rendezvous', 'un rendez vous', 'prendre rendez vous'];
/** An appointment the person already has (« j'ai rendez-vous à la CAF demain, quels papiers ? »): no request for one. */
export const appointmentHeldPhrases = ['j ai un rendez vous', 'j ai rendez vous', 'mon rendez vous', 'j ai un rdv', 'j ai rdv', 'mon rdv', 'au rendez vous', 'au rdv'];

/** Said of oneself, not a request: « je suis à la retraite » is a status, not « Demander ma retraite ». */
export const statusPhrases = ['j ai une petite retraite', 'j ai une toute petite retraite', 'je suis perdu', 'je suis perdue', 'suis un peu perdu', 'suis un peu perdue', 'suis completement perdu', 'suis completement perdue', 'je suis a la retraite', 'suis a la retraite', 'a la retraite depuis', 'je suis retraite', 'je suis retraitee', 'jsuis retraitee', 'jsuis retraite', 'retraitee', 'retraites', 'retraitees', 'pour les retraites', 'personnes agees', 'seniors', 'maison de retraite', 'ehpad'];

/** What limits the person. */
export const constraintWords: Record<string, string[]> = {
  noInternet: ['pas internet', 'pas d internet', 'sans internet', 'pas de connexion'],
  noDevice: ['pas d ordinateur', 'pas d ordi', 'sans ordinateur', 'pas de tablette'],
  hearing: ['malentendant', 'malentendante', 'sourd', 'sourde', 'entends mal', 'n entends pas'],
  sight: ['malvoyant', 'malvoyante', 'vois mal', 'aveugle'],
  mobility: ['pas de voiture', 'conduis plus', 'marche mal', 'fauteuil', 'ne peux pas me deplacer', 'me deplace pas'],
  cost: ['pas les moyens', 'petite retraite', 'pas cher', 'pas chere', 'petit prix'],
  carerExhausted: ['epuise', 'epuisee', 'a bout', 'fatigue', 'fatiguee', 'n en peux plus', 'debordee', 'deborde'],
};

/** Words after which a commune's name usually comes ("j'habite à Mende", "près de Rodez", "France Services de Dole"). */
export const placeCues = [
  'a', 'au', 'aux', 'sur', 'habite', 'habitons', 'habitent', 'vis', 'vit', 'vivent', 'pres de', 'pres d', 'proche de', 'proche d', 'vers', 'commune de', 'ville de',
  'village de', 'mairie de', 'cote de', 'a cote de', 'region de', 'secteur de', 'je suis de', 'services de', 'service de', 'france services',
  'france service', 'est a', 'suis a',
];
/** « au Puy » is « Le Puy », « aux Sables » is « Les Sables ». */
export const placeArticles: Record<string, string> = { au: 'le', aux: 'les' };

/**
 * Everyday places that are also communes' names (L'Hôpital, École, Campagne, Mer…): « aller à l'hôpital », « j'habite à
 * la campagne » name no commune. Read as one only when written with its capital, or said alone.
 */
export const everydayPlaceNouns = ['hopital', 'ecole', 'campagne', 'montagne', 'mer', 'marche', 'port', 'bourg', 'ville', 'chateau', 'pont'];

/**
 * Days of the week, Monday first: « est-elle ouverte le samedi ? » asks that day's hours. The words the answers say
 * them with: French weekdays carry no accent, so they read as written.
 */
export const weekdayWords = openingWording.weekdays;

/** Months: « décédé au mois de mars » is a date, not the commune of Mars. */
export const monthWords = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];

/** Words that end a commune's name in a sentence. */
export const placeStops = ['et', 'mais', 'pour', 'je', 'j', 'il', 'elle', 'qui', 'que', 'avec', 'car', 'donc', 'depuis', 'merci', 'svp', 'besoin', 'a', 'cherche', 'voudrais', 'veux', 'ou', 'y'];

/** Words that say the person to help is not the one writing. */
export const relativeWords = [
  'ma mere', 'mon pere', 'mes parents', 'ma grand mere', 'mon grand pere', 'mes grands parents', 'ma maman', 'mon papa', 'ma tante',
  'mon oncle', 'ma voisine', 'mon voisin', 'un proche', 'une proche', 'pour ma mere', 'pour mon pere', 'ma belle mere', 'mon beau pere',
  'ma soeur', 'mon frere', 'aidante', 'aidant', 'je m occupe de', 'j aide', 'jaide', 'la fille de', 'le fils de', 'ma marraine', 'mon parrain',
];

/** How the caregiver's need reads in the message written for the relative (the flow's `carerNeed`). */
export const carerNeedPhrases: Record<string, string> = {
  demarches: 'faire vos démarches',
  apprendre: 'apprendre à utiliser votre téléphone ou votre tablette',
  materiel: 'trouver un appareil à petit prix',
  internet: 'avoir accès à internet',
};

/** What happened, as said back when the entry found does not cover it (« Pour une carte perdue, … »). */
export const situationPhrases: Record<string, string> = {
  lost: 'un papier ou une carte perdus',
  stolen: 'un vol',
  damaged: 'quelque chose d’abîmé ou qui ne marche plus',
  password: 'un mot de passe oublié',
};

/**
 * SMS spelling and spoken contractions, as the words they stand for (« g besoin d1 ordi », « jvoudré fer »): read
 * word by word after accents and case are gone. Only forms that cannot mean anything else (« mai » is a month,
 * « c » is « c'est » or « sais »: left alone).
 */
export const smsSpeak: Record<string, string> = {
  g: 'j ai', jai: 'j ai', d1: 'd un', pa: 'pas', pb: 'probleme', pr: 'pour', ds: 'dans', tt: 'tout', bcp: 'beaucoup',
  koi: 'quoi', ke: 'que', kel: 'quel', kelle: 'quelle', vs: 'vous', slt: 'salut', bjr: 'bonjour', jarrive: 'j arrive',
  jvoudre: 'je voudrais', jvoudrai: 'je voudrais', jvoudrais: 'je voudrais', jveux: 'je veux', jpeux: 'je peux', jsais: 'je sais',
  chui: 'je suis', jsuis: 'je suis', fer: 'faire', fair: 'faire', dimpo: 'd impot', dimpot: 'd impot', dimpots: 'd impots', impo: 'impot',
  lassurance: 'l assurance', mnt: 'maintenant', auj: 'aujourd hui',
};

/**
 * The device a person names (« ma petite fille m'a offert un smartphone »): the synonyms of the assessment's answers
 * (flows/diagnostic-steps.ts, q_equipment), and read in a first message so that the question is not asked again.
 */
export const equipmentWords = {
  smartphone: ['smartphone', 'ecran tactile', 'iphone', 'android'],
  tablet: ['tablette', 'ipad'],
  computer: ['ordinateur', 'ordi', 'pc', 'portable ordinateur'],
};
