// The loop closed, across orientations, follow-ups and activity figures, through the real webhooks and a simulated
// clock: seniors have the nearest place told by SMS; a week later Relais asks each whether she went; her answer
// settles the orientation (honorée / non honorée); ten weeks later, the cold evaluation; the department's dashboard
// counts all of it, by status and by answer, and the orientation's history says who settled it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTwilioRest, type FakeTwilioRest } from '../support/fake-twilio-rest.js';
import { ManualClock, startTestRelais, type TestRelais } from '../support/relais.js';
import { createUser, SESSION_SECRET, WebClient } from '../support/workspace.js';
import { twoDepartments } from '../workspace/fixtures.js';
import { tableRows } from '../activity/support.js';

const paris = (iso: string) => Date.parse(`${iso}+01:00`);
const DAY = 86_400_000;
const went = ['+33655550001', '+33655550002', '+33655550003', '+33655550004', '+33655550005'];
const didNot = '+33655550006';

let relais: TestRelais;
let twilio: FakeTwilioRest;

beforeAll(async () => {
  twilio = await startFakeTwilioRest();
  relais = await startTestRelais({
    clock: new ManualClock(paris('2026-11-23T10:00')),
    departments: twoDepartments(),
    sessionSecret: SESSION_SECRET,
    twilioApi: twilio.twilioApi,
    disableScheduler: true,
  });
  await createUser(relais.databasePath, { email: 'admin@haute-savoie.fr', departement: '74', role: 'admin' });
});
afterAll(async () => {
  await relais?.stop();
  await twilio?.close();
});

const lastSmsTo = (address: string) => twilio.sent.filter((s) => s.to === address).at(-1)?.body ?? '';

describe('an orientation followed through to the figures', { timeout: 90_000 }, () => {
  it('schedules the 7-day check when the place is told, settles the orientation with the answer, and counts it all', async () => {
    for (const person of [...went, didNot]) {
      for (const line of ['Bonjour', '1', '74000', 'oui']) await relais.sms(person, line);
      const told = (await relais.sms(person, 'non')).messages.join('\n');
      expect(told).toMatch(/C'est noté : .+ sera prévenu\./);
      expect(told).toContain('Dans une semaine, je vous demanderai si vous avez pu y aller.');
    }
    expect(relais.query("select count(*) as n from scheduled_messages where kind = 'verification' and payload like '%orientation%'")).toEqual([{ n: 6 }]);

    relais.clock.current += 7 * DAY;
    expect(await relais.runFollowUps()).toBe(6);
    const [placeName] = relais.query<{ place_name: string }>('select place_name from orientations limit 1').map((r) => r.place_name);
    expect(lastSmsTo(didNot)).toContain('Avez-vous pu y aller ?');
    expect(lastSmsTo(didNot)).toContain(placeName!);

    for (const person of went) await relais.sms(person, '1');
    await relais.sms(didNot, '2');

    expect(relais.query('select status, count(*) as n from orientations group by status order by status')).toEqual([
      { status: 'honorée', n: 5 },
      { status: 'non honorée', n: 1 },
    ]);
    expect(relais.query("select distinct author from orientation_events where to_status in ('honorée', 'non honorée')")).toEqual([{ author: 'la personne (suivi à 7 jours)' }]);

    const admin = new WebClient(relais.url);
    await admin.signIn('admin@haute-savoie.fr');
    const page = await admin.get('/espace/activite?du=2026-11-01&au=2026-12-31');
    expect(page.status).toBe(200);
    // Five or more are counted; fewer than five are masked, so that no one can be recognised.
    expect(tableRows(page.html, 'Orientations par statut')).toEqual({ Envoyée: '6', Honorée: '5', 'Non honorée': '< 5' });
    expect(tableRows(page.html, 'Après l’orientation : la personne y est-elle allée ?')).toEqual({ 'Y est allée': '5', 'N’y est pas allée': '< 5' });

    // Ten weeks after the orientation, the cold evaluation: three questions, one digit each.
    relais.clock.current += 63 * DAY;
    expect(await relais.runFollowUps()).toBe(6);
    expect(lastSmsTo(didNot)).toContain(`Il y a deux mois, vous avez été orienté vers ${placeName}`);
    for (const person of [...went, didNot]) {
      expect((await relais.sms(person, '1')).messages.join('\n')).toContain('Conseilleriez-vous ce lieu à un proche ?');
      expect((await relais.sms(person, '1')).messages.join('\n')).toContain('De quoi auriez-vous encore besoin ?');
      expect((await relais.sms(person, '2')).messages.join('\n')).toContain('Merci beaucoup pour vos réponses !');
    }
    expect(relais.query("select subject, question, answer, count(*) as n from followup_answers where kind = 'evaluation' group by 1, 2, 3 order by 2")).toEqual([
      { subject: 'orientation', question: 'alone', answer: 1, n: 6 },
      { subject: 'orientation', question: 'need', answer: 2, n: 6 },
      { subject: 'orientation', question: 'recommend', answer: 1, n: 6 },
    ]);
    await admin.signIn('admin@haute-savoie.fr'); // two months on, the session has expired
    const later = await admin.get('/espace/activite?du=2026-11-01&au=2027-03-31');
    expect(tableRows(later.html, 'Évaluation à froid : Se débrouille seule maintenant')).toEqual({ Oui: '6' });
    expect(tableRows(later.html, 'Évaluation à froid : A encore besoin')).toEqual({ 'D’un autre atelier': '6' });
  });
});
