// One scheduler tick, the same on both runtimes (Node's timer inside `npm start`, the Workers' Cron Trigger): the
// follow-ups due now, the outbox's replies to retry, and, when asked (daily), the retention purge.
import type { Logger } from '../conversation/ports.js';
import type { FollowUpRunner } from './runner.js';

export interface SchedulerParts {
  followUps: FollowUpRunner;
  /** Retries the replies waiting in the outbox (Meta's Graph API); absent when Meta is not configured. */
  retryOutbox?: () => Promise<number>;
  /** The retention purge; returns the rows deleted. */
  purge: () => Promise<number>;
  logger: Logger;
}

export interface TickReport {
  followUpsSent: number;
  outboxDelivered: number;
  purged: number;
}

export type Scheduler = ReturnType<typeof createScheduler>;

export function createScheduler(parts: SchedulerParts) {
  /** Each part runs even when another fails: a failing purge must not hold reminders back. */
  const guarded = async (name: string, work: () => Promise<number>): Promise<number> => {
    try {
      return await work();
    } catch (error) {
      parts.logger.error(`${name}.failed`, { error: String(error) });
      return 0;
    }
  };
  return {
    async tick(options: { purge?: boolean } = {}): Promise<TickReport> {
      const followUpsSent = await guarded('followups', async () => (await parts.followUps.runDue()).sent);
      const outboxDelivered = parts.retryOutbox ? await guarded('outbox.retry', parts.retryOutbox) : 0;
      const purged = options.purge ? await guarded('retention', parts.purge) : 0;
      if (purged > 0) parts.logger.info('retention.purged', { rows: purged });
      return { followUpsSent, outboxDelivered, purged };
    },
  };
}
