// Content hashes that pin a conversation to the exact flow it started on. Synchronous and dependency-free,
// because the engine is pure: cryptographic strength is not needed to notice that a flow changed.

/**
 * JSON with object keys sorted, so that equal content always hashes equal. Loops rather than entries, filters and
 * maps: every step of every flow is serialised at start.
 */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + stableStringify(value[i]);
    return `${out}]`;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    let out = '{';
    // Object keys sort by UTF-16 code units, as `<` compares strings.
    for (const key of Object.keys(record).sort()) {
      const v = record[key];
      if (v === undefined) continue;
      out += `${out === '{' ? '' : ','}${JSON.stringify(key)}:${stableStringify(v)}`;
    }
    return `${out}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** 64 bits of FNV-1a (two 32-bit lanes with different offsets), as 16 hex characters. */
export function contentHash(value: unknown): string {
  const text = stableStringify(value);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
