// The follow-ups' flow services: scheduling them (after a booking, after places were given), and the person's
// answers (ANNULER frees the seat; « 1 oui / 2 non / 3 besoin d'aide » after a visit; the evaluation's digits, kept
// anonymously for the activity figures in followup_answers).
import type { ServiceResult, Vars } from '../engine/effects.js';
import type { ServiceContext } from '../conversation/ports.js';
import type { WorkshopSession } from '../directory/workshops.js';
import { sessionDate, type SessionWording } from '../directory/workshop-services.js';
import type { ScheduleRepository } from '../db/schedule-repository.js';
import { frenchMobileE164 } from '../directory/format.js';
import { followUpReasons } from '../../data/followups.fr.js';
import { evaluationWindow, reminderWindow, verificationWindow, type FollowUpSettings } from './plan.js';

/** What a 7-day check is about: places given in a conversation, or an orientation (referral) by its id. */
export interface VisitSubject {
  kind: 'places' | 'orientation';
  id: string;
}
export type VisitAnswer = 'yes' | 'no' | 'help';

/**
 * Called with every answer to a 7-day check: the orientations (referrals) plug in here to set their status
 * (honorée on « oui », non honorée on « non ») and may offer the next option, said to the person as {nextPlace}.
 */
export type OnVisitAnswer = (subject: VisitSubject, answer: VisitAnswer, at: number) => Promise<{ nextPlace?: string } | void>;

export interface FollowUpServiceDeps {
  schedule: ScheduleRepository;
  workshops: { upcoming(after: number): Promise<WorkshopSession[]>; cancel(sessionId: string, contactAddress: string): Promise<boolean> };
  now: () => number;
  settings: FollowUpSettings;
  wording: SessionWording;
  onVisitAnswer?: OnVisitAnswer;
}

const ANSWERS: Record<string, { answer: VisitAnswer; digit: number }> = { yes: { answer: 'yes', digit: 1 }, no: { answer: 'no', digit: 2 }, help: { answer: 'help', digit: 3 } };
/** Where a follow-up goes: the conversation's channel, except that a caller on a mobile gets an SMS (a call is for landlines). */
const contactOf = (context: ServiceContext) => ({
  contactAddress: context.address,
  channel: context.channel === 'voice' && frenchMobileE164(context.address) ? 'sms' : context.channel,
  ...(context.via ? { via: context.via } : {}),
  ...(context.departement ? { departement: context.departement } : {}),
});

/**
 * Schedules the 7-day check of a subject for a contact. Exported for the orientations: call it when an orientation
 * is made (subject `{ kind: 'orientation', id }`), with the place's name as `visitPlace`.
 */
export async function scheduleVerification(
  schedule: ScheduleRepository,
  settings: FollowUpSettings,
  subject: VisitSubject,
  visitPlace: string,
  context: ServiceContext,
  at: number,
): Promise<boolean> {
  return schedule.schedule(
    {
      idempotencyKey: `verification:${subject.kind}:${subject.id}`,
      kind: 'verification',
      ...contactOf(context),
      ...verificationWindow(at, settings),
      payload: { subjectKind: subject.kind, subjectId: subject.id, subjectKey: `${subject.kind}:${subject.id}`, visitPlace },
    },
    at,
  );
}

/** The cold evaluation, `evaluationAfterDays` after what it evaluates ended (a session, an orientation's day). */
function scheduleEvaluation(schedule: ScheduleRepository, settings: FollowUpSettings, idempotencyKey: string, context: ServiceContext, endedAt: number, payload: Record<string, string>, now: number) {
  return schedule.schedule({ idempotencyKey, kind: 'evaluation', ...contactOf(context), ...evaluationWindow(endedAt, settings), payload }, now);
}

export function followUpServices(deps: FollowUpServiceDeps) {
  const { schedule, settings } = deps;
  return {
    /** `scheduleWorkshopFollowUps`: input `id` (a session just booked). Outcomes `scheduled`, `tooLate` (no reminder), `error`. */
    scheduleWorkshopFollowUps: async (input: Vars, context: ServiceContext): Promise<ServiceResult> => {
      const now = deps.now();
      const session = (await deps.workshops.upcoming(now)).find((s) => s.id === input['id']);
      if (!session) return { outcome: 'error' };
      const payload = {
        sessionId: session.id,
        sessionTitle: session.title,
        sessionDate: sessionDate(session.startsAt, deps.wording),
        sessionPlace: `${session.placeName}, ${session.address}, ${session.postalCode} ${session.commune}`,
        subjectKey: `session:${session.id}`,
      };
      const key = `${session.id}:${context.address}`;
      await scheduleEvaluation(schedule, settings, `evaluation:${key}`, context, session.endsAt, payload, now);
      const reminder = reminderWindow(session.startsAt, settings);
      if (reminder.expiresAt <= now) return { outcome: 'tooLate' };
      await schedule.schedule({ idempotencyKey: `reminder:${key}`, kind: 'reminder', ...contactOf(context), ...reminder, payload }, now);
      return { outcome: 'scheduled' };
    },

    /**
     * `scheduleVisitCheck`: inputs `visitPlace` (how the check names what was given), `orientationId` (when a place
     * was told: the answer settles that orientation). Outcome `scheduled`.
     */
    scheduleVisitCheck: async (input: Vars, context: ServiceContext): Promise<ServiceResult> => {
      const now = deps.now();
      const visitPlace = input['visitPlace'] ?? '';
      // One check per orientation; else one per conversation and day (asking twice the same day is the same check).
      const orientationId = input['orientationId'];
      const subject: VisitSubject = orientationId
        ? { kind: 'orientation', id: orientationId }
        : { kind: 'places', id: `${context.channel}:${context.address}:${Math.floor(now / 86_400_000)}` };
      // An orientation belongs to its place's department (`departement`), whichever Relais number was texted: its
      // check and the answer's figures go there too.
      const departement = orientationId && input['departement'] ? input['departement'] : context.departement;
      const target = { ...context, ...(departement ? { departement } : {}) };
      await scheduleVerification(schedule, settings, subject, visitPlace, target, now);
      // Two to three months later, the cold evaluation of an orientation (a workshop's is scheduled at booking).
      if (subject.kind === 'orientation') {
        const payload = { subjectKind: 'orientation', subjectId: subject.id, subjectKey: `orientation:${subject.id}`, visitPlace };
        await scheduleEvaluation(schedule, settings, `evaluation:orientation:${subject.id}`, target, now, payload, now);
      }
      return { outcome: 'scheduled', vars: { visitPlace } };
    },

    /** `cancelBooking`: inputs `id` (the session), `followupId`. Outcomes `cancelled` (the seat freed), `notFound`. */
    cancelBooking: async (input: Vars, context: ServiceContext): Promise<ServiceResult> => {
      const id = input['id'] ?? '';
      const cancelled = await deps.workshops.cancel(id, context.address);
      await answered(input['followupId']);
      // No evaluation of a workshop the person did not attend.
      await schedule.cancelPending(context.address, `session:${id}`, followUpReasons.cancelledBooking);
      return { outcome: cancelled ? 'cancelled' : 'notFound' };
    },

    /** `visitAnswer`: inputs `answer` (yes, no, help), `followupId`. Outcomes `went`, `otherPlaces`, `nextPlace`, `callback`, `error`. */
    visitAnswer: async (input: Vars): Promise<ServiceResult> => {
      const row = await schedule.find(Number(input['followupId']));
      const given = ANSWERS[input['answer'] ?? ''];
      if (!row || !given) return { outcome: 'error' };
      const now = deps.now();
      await schedule.answered(row.id, now);
      const subject: VisitSubject = { kind: row.payload['subjectKind'] === 'orientation' ? 'orientation' : 'places', id: row.payload['subjectId'] ?? '' };
      await schedule.recordAnswers([{ scheduledId: row.id, kind: 'verification', subject: subject.kind, question: 'visited', answer: given.digit, departement: row.departement }], now);
      const offered = await deps.onVisitAnswer?.(subject, given.answer, now);
      if (given.answer === 'yes') return { outcome: 'went' };
      if (given.answer === 'help') return { outcome: 'callback' };
      if (offered && offered.nextPlace) return { outcome: 'nextPlace', vars: { nextPlace: offered.nextPlace } };
      return { outcome: subject.kind === 'places' ? 'otherPlaces' : 'callback' };
    },

    /** `saveEvaluation`: inputs `followupId` and each question's digit. Outcome `saved`. */
    saveEvaluation: async (input: Vars): Promise<ServiceResult> => {
      const row = await schedule.find(Number(input['followupId']));
      if (!row) return { outcome: 'error' };
      const now = deps.now();
      const answers = ['alone', 'use', 'recommend', 'need']
        .filter((q) => /^[1-9]$/.test(input[q] ?? ''))
        .map((question) => ({ scheduledId: row.id, kind: 'evaluation', subject: row.payload['subjectKind'] === 'orientation' ? 'orientation' : 'workshop', question, answer: Number(input[question]), departement: row.departement }));
      await schedule.recordAnswers(answers, now);
      await schedule.answered(row.id, now);
      return { outcome: 'saved' };
    },
  };

  async function answered(followupId: string | undefined) {
    const id = Number(followupId);
    if (Number.isInteger(id) && id > 0) await schedule.answered(id, deps.now());
  }
}
