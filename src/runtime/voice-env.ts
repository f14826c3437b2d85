// The phone line's settings as both runtimes read them (environment on Node, variables on Workers): one schema,
// so a bad value gets the same precise error everywhere, and one mapping to what composeRelais takes.
import * as z from 'zod';
import type { RelaisParts } from './compose.js';

export const voiceEnvShape = {
  /** The bearer token department platforms use for POST /api/handoffs; hand-offs are refused without it. */
  HANDOFF_API_TOKEN: z.string().min(16, 'HANDOFF_API_TOKEN must be at least 16 characters').optional(),
  /** The phone line's voice (a Twilio neural voice), pace (SSML rate, %), listening and confidence floor. */
  VOICE_NAME: z.string().min(3).optional(),
  VOICE_RATE_PERCENT: z.coerce.number().int().min(60).max(100).optional(),
  VOICE_SPEECH_TIMEOUT: z.coerce.number().int().min(1).max(10).optional(),
  VOICE_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).optional(),
};

const voiceEnvSchema = z.object(voiceEnvShape);
export type VoiceEnv = z.infer<typeof voiceEnvSchema>;

/** Parses the phone line's variables; empty strings count as unset. Throws one message listing every bad one. */
export const readVoiceEnv = (env: Record<string, unknown>): VoiceEnv => parseEnvShape(voiceEnvSchema, env);

/** Parses the variables a schema names (the rest ignored); empty strings count as unset. One error lists every bad one. */
export function parseEnvShape<T extends z.ZodObject>(schema: T, env: Record<string, unknown>): z.infer<T> {
  const cleaned = Object.fromEntries(Object.keys(schema.shape).flatMap((k) => (env[k] === undefined || env[k] === '' ? [] : [[k, env[k]]])));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) throw new Error(`Invalid configuration:\n${parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return parsed.data;
}

/** The voice settings composeRelais takes, from the parsed variables: only those that are set. */
export function voicePartsOf(env: VoiceEnv): NonNullable<RelaisParts['voice']> {
  return {
    ...(env.VOICE_NAME ? { voice: env.VOICE_NAME } : {}),
    ...(env.VOICE_RATE_PERCENT ? { ratePercent: env.VOICE_RATE_PERCENT } : {}),
    ...(env.VOICE_SPEECH_TIMEOUT ? { speechTimeoutSeconds: env.VOICE_SPEECH_TIMEOUT } : {}),
    ...(env.VOICE_MIN_CONFIDENCE !== undefined ? { minConfidence: env.VOICE_MIN_CONFIDENCE } : {}),
  };
}
