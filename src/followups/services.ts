// The follow-ups' flow services: scheduling them (after a booking, after places were given; an orientation's through
// scheduleOrientationFollowUps, called when it is created), and the answers (ANNULER frees the seat; « 1 oui / 2 non
// / 3 besoin d'aide » after a visit; the evaluation's digits, kept anonymously for the activity figures in
// followup_answers).
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

/** Who answered a 7-day check: the person herself, or the relay who oriented her (asked when she cannot be). */
export interface VisitAnswerer {
  askedOf: 'person' | 'relay';
  address: string;
}

/**
 * Called with every answer to a 7-day check: the orientations (referrals) plug in here to set their status
 * (honorée on « oui », non honorée on « non ») and may offer the next option, said to the person as {nextPlace}.
 */
export type OnVisitAnswer = (subject: VisitSubject, answer: VisitAnswer, at: number, answerer: VisitAnswerer) => Promise<{ nextPlace?: string } | void>;

/** Where a follow-up goes: an address on a channel (and the Relais number it came through), in a department. */
export interface FollowUpContact {
  address: string;
  channel: string;
  via?: string | undefined;
  departement?: string | undefined;
}

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
const contactOf = (context: FollowUpContact) => ({
  contactAddress: context.address,
  channel: context.channel === 'voice' && frenchMobileE164(context.address) ? 'sms' : context.channel,
  ...(context.via ? { via: context.via } : {}),
  ...(context.departement ? { departement: context.departement } : {}),
});

/**
 * Schedules the 7-day check of a subject for a contact. `extra`: more variables for the question's step (who is
 * asked, which flow reads the answer).
 */
async function scheduleVerification(
  schedule: ScheduleRepository,
  settings: FollowUpSettings,
  subject: VisitSubject,
  visitPlace: string,
  context: FollowUpContact,
  at: number,
  extra: Record<string, string> = {},
): Promise<boolean> {
  return schedule.schedule(
    {
      idempotencyKey: `verification:${subject.kind}:${subject.id}`,
      kind: 'verification',
      ...contactOf(context),
      ...verificationWindow(at, settings),
      // Each variable the question reads is set every time: a previous follow-up's value never lingers in the conversation.
      payload: { subjectKind: subject.kind, subjectId: subject.id, subjectKey: `${subject.kind}:${subject.id}`, visitPlace, askedOf: 'person', orientedBy: 'self', ...extra },
    },
    at,
  );
}

/** The cold evaluation, `evaluationAfterDays` after what it evaluates ended (a session, an orientation's day). */
function scheduleEvaluation(schedule: ScheduleRepository, settings: FollowUpSettings, idempotencyKey: string, context: FollowUpContact, endedAt: number, payload: Record<string, string>, now: number) {
  return schedule.schedule({ idempotencyKey, kind: 'evaluation', ...contactOf(context), ...evaluationWindow(endedAt, settings), payload }, now);
}

/** What an orientation's follow-ups are to be: whom the 7-day check asks (if anyone), whom the evaluation asks (the person only). */
export interface OrientationFollowUpPlan {
  check?: { askedOf: 'person' | 'relay'; contact: FollowUpContact; /** The flow that reads the answer (the relay's). */ flowId?: string };
  evaluation?: FollowUpContact;
}

/**
 * Schedules an orientation's 7-day check and cold evaluation as planned: the one place every orientation's
 * follow-ups are made (called by the orientations' creation listener, whoever sent it).
 */
export async function scheduleOrientationFollowUps(
  schedule: ScheduleRepository,
  settings: FollowUpSettings,
  orientation: { id: string; visitPlace: string; departement: string; orientedBy: 'self' | 'other' },
  plan: OrientationFollowUpPlan,
  at: number,
): Promise<void> {
  const subject: VisitSubject = { kind: 'orientation', id: orientation.id };
  // An orientation belongs to its place's department, whichever Relais number was texted: its follow-ups too.
  const inDepartment = (contact: FollowUpContact) => ({ ...contact, departement: orientation.departement });
  if (plan.check) {
    const extra = { askedOf: plan.check.askedOf, orientedBy: orientation.orientedBy, ...(plan.check.flowId ? { followupFlow: plan.check.flowId } : {}) };
    await scheduleVerification(schedule, settings, subject, orientation.visitPlace, inDepartment(plan.check.contact), at, extra);
  }
  if (plan.evaluation) {
    const payload = { subjectKind: 'orientation', subjectId: orientation.id, subjectKey: `orientation:${orientation.id}`, visitPlace: orientation.visitPlace };
    await scheduleEvaluation(schedule, settings, `evaluation:orientation:${orientation.id}`, inDepartment(plan.evaluation), at, payload, at);
  }
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
     * `scheduleVisitCheck`: input `visitPlace` (how the check names the places given). Outcome `scheduled`. An
     * orientation's check is not made here but when the orientation is created (scheduleOrientationFollowUps).
     */
    scheduleVisitCheck: async (input: Vars, context: ServiceContext): Promise<ServiceResult> => {
      const now = deps.now();
      const visitPlace = input['visitPlace'] ?? '';
      // One per conversation and day: asking twice the same day is the same check.
      const subject: VisitSubject = { kind: 'places', id: `${context.channel}:${context.address}:${Math.floor(now / 86_400_000)}` };
      await scheduleVerification(schedule, settings, subject, visitPlace, context, now);
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

    /**
     * `visitAnswer`: inputs `answer` (yes, no, help), `followupId`. Outcomes `went`, `otherPlaces`, `nextPlace`,
     * `callback`, `error`; provides `visitPlace` (what was asked about) and `nextPlace`.
     */
    visitAnswer: async (input: Vars): Promise<ServiceResult> => {
      const row = await schedule.find(Number(input['followupId']));
      const given = ANSWERS[input['answer'] ?? ''];
      if (!row || !given) return { outcome: 'error' };
      const now = deps.now();
      await schedule.answered(row.id, now);
      const subject: VisitSubject = { kind: row.payload['subjectKind'] === 'orientation' ? 'orientation' : 'places', id: row.payload['subjectId'] ?? '' };
      await schedule.recordAnswers([{ scheduledId: row.id, kind: 'verification', subject: subject.kind, question: 'visited', answer: given.digit, departement: row.departement }], now);
      const askedOf = row.payload['askedOf'] === 'relay' ? 'relay' : 'person';
      const offered = await deps.onVisitAnswer?.(subject, given.answer, now, { askedOf, address: row.contactAddress });
      const vars = { visitPlace: row.payload['visitPlace'] ?? '' };
      if (given.answer === 'yes') return { outcome: 'went', vars };
      if (given.answer === 'help') return { outcome: 'callback', vars };
      if (offered && offered.nextPlace) return { outcome: 'nextPlace', vars: { ...vars, nextPlace: offered.nextPlace } };
      return { outcome: subject.kind === 'places' ? 'otherPlaces' : 'callback', vars };
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
