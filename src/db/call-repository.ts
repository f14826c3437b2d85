// Calls and hand-offs in the database. A hand-off is used at most once: taking it is one guarded UPDATE … RETURNING,
// so two calls arriving together cannot both read it, on better-sqlite3 and D1 alike.
import type { CallContext } from '../conversation/call-context.js';
import type { DatabaseHandle } from './database.js';
import { mentionStatements } from './number-mentions.js';

export interface CallStart {
  callSid: string;
  address: string;
  calledNumber: string;
  departement?: string;
  contextSource?: 'handoff' | 'sip' | 'query';
  at: number;
}

export function createCallRepository({ atomic }: DatabaseHandle) {
  const run = async (sql: string, params: unknown[]) => (await atomic([{ sql, params }]))[0] ?? [];
  return {
    /** Records a call once: a retried incoming-call webhook changes nothing. */
    async started(call: CallStart): Promise<void> {
      await run(
        'insert into calls (call_sid, contact_address, called_number, departement, context_source, started_at) values (?, ?, ?, ?, ?, ?) on conflict (call_sid) do nothing',
        [call.callSid, call.address, call.calledNumber, call.departement ?? null, call.contextSource ?? null, call.at],
      );
    },

    async transferred(callSid: string, status: string): Promise<void> {
      await run('update calls set transfer_status = ? where call_sid = ?', [status, callSid]);
    },

    /** Twilio's status callback: how the call ended and how long it lasted. Returns false for an unknown call. */
    async ended(callSid: string, status: string, durationSeconds: number | undefined, at: number): Promise<boolean> {
      const rows = await run('update calls set status = ?, duration_seconds = ?, ended_at = ? where call_sid = ? returning call_sid', [status, durationSeconds ?? null, at, callSid]);
      return rows.length > 0;
    },

    async registerHandoff(handoff: { id: string; caller: string; departement?: string; context: CallContext; at: number; expiresAt: number }): Promise<void> {
      const context = JSON.stringify(handoff.context);
      await atomic([
        {
          sql: 'insert into handoffs (id, caller_address, departement, context, created_at, expires_at) values (?, ?, ?, ?, ?, ?)',
          params: [handoff.id, handoff.caller, handoff.departement ?? null, context, handoff.at, handoff.expiresAt],
        },
        // The agent's context may hold a relative's number: SUPPRIMER of that number finds it through the caller.
        ...mentionStatements(handoff.caller, [context], handoff.at),
      ]);
    },

    /**
     * The newest valid, unused hand-off for this caller, taken for this call; an expired one is never returned, nor
     * one registered by another department than the one called (`departement`: the called number's, if any).
     */
    async takeHandoff(caller: string, callSid: string, at: number, departement?: string): Promise<CallContext | undefined> {
      const rows = (await run(
        'update handoffs set used_at = ?, used_by_call = ? where id = (select id from handoffs where caller_address = ? and used_at is null and expires_at > ? and (departement is null or departement = ?) order by created_at desc limit 1) returning context',
        [at, callSid, caller, at, departement ?? null],
      )) as { context: string }[];
      return rows[0] ? (JSON.parse(rows[0].context) as CallContext) : undefined;
    },
  };
}

export type CallRepository = ReturnType<typeof createCallRepository>;
