// What the workspace needs from the rest of Relais, and what each request carries once its user is known.
import type { Context } from 'hono';
import type { SmsSender } from '../channels/sms/twilio-rest.js';
import type { Clock, Logger } from '../conversation/ports.js';
import type { AccountRepository, SessionPolicy } from '../db/account-repository.js';
import type { ForUser, ScopedRepository } from '../db/scoped-repository.js';
import type { DepartmentConfig } from '../directory/departments.js';
import type { Directory } from '../directory/types.js';
import type { WorkshopSession } from '../directory/workshops.js';
import type { ServiceResult, Vars } from '../engine/effects.js';
import type { WorkspaceUser } from './auth/roles.js';
import type { OrientationRepository } from '../db/orientation-repository.js';
import type { OrientationEvents } from '../orientations/change-status.js';
import type { Procedure } from '../knowledge/procedure-schema.js';
import type { Atlas } from '../activity/atlas.js';

export interface WorkspaceDeps {
  /** Without it the workspace answers 503 (sessions and CSRF tokens are signed with it). */
  sessionSecret?: string | undefined;
  /** The public address (PUBLIC_BASE_URL): forms posted from it pass the origin check behind a proxy. */
  publicBaseUrl?: string | undefined;
  accounts: AccountRepository;
  forUser: ForUser;
  /** Every department's settings, live: what Réglages saves, the conversations use at once. */
  departments: Map<string, DepartmentConfig>;
  directory: Directory;
  /** The conversation's own place search (the `nearestPlaces` flow service): the same answers as by SMS. */
  findPlaces: (input: Vars) => Promise<ServiceResult>;
  /** Where a conversation stood, in an agent's words (the callback queue); the flows know their journeys. */
  stageOfStep: (stepId: string) => string;
  /** Twilio's REST API, for « Envoyer par SMS »; unset: sending is unavailable (said so). */
  smsSender?: SmsSender | undefined;
  isOptedOut(address: string): Promise<boolean>;
  /** Writes imported workshop sessions (the same upsert as `npm run import -- ateliers`). */
  saveWorkshops(sessions: WorkshopSession[], at: number): Promise<{ inserted: number; updated: number }>;
  clock: Clock;
  logger: Logger;
  /** Serves DSFR's files (CSS, fonts, icons, JS) by their path under its dist folder; the runtime knows where they are. */
  assets?: ((path: string) => Promise<Response | undefined>) | undefined;
  sessionPolicy: SessionPolicy;
  /** The territory of the activity pages (communes, places, EPCI): names for codes and the white-zone map. */
  atlas?: Atlas | undefined;
  /** The caller's address, for the login rate limit; the runtime knows how to read it. */
  clientIp?: ((c: Context) => string) | undefined;
  /** Orientations: the answer and sheet links (no account), status changes and their listeners, what to bring. */
  orientations: { repository: OrientationRepository; events: OrientationEvents; procedures: Procedure[] };
}

export type WorkspaceEnv = {
  Variables: {
    user: WorkspaceUser;
    csrf: string;
    scoped: ScopedRepository;
  };
};

/** Idle 30 minutes, absolute 10 hours (a working day): a forgotten session on a shared desk does not stay open. */
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 10 * 3_600_000 };
