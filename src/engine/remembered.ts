/**
 * A pure function of a text, remembered: most of what a turn renders (the welcome, the menu, each question) is the
 * same from one conversation to the next, and converting it again cost more than looking it up. Bounded, emptied
 * when full, so a stream of distinct texts (places, the person's own words) costs a lookup and nothing more.
 */
export function remembered<T>(compute: (text: string) => T, kept = 1_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let value = known.get(text);
    if (value === undefined) {
      value = compute(text);
      if (known.size >= kept) known.clear();
      known.set(text, value);
    }
    return value;
  };
}

/**
 * A pure function of an object that never changes (a phrase list, a flow's option, a commune index), remembered as
 * long as the object lives: computed on its first use, never again.
 */
export function rememberedFor<K extends object, T>(compute: (key: K) => T): (key: K) => T {
  const known = new WeakMap<K, T>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) known.set(key, (value = compute(key)));
    return value;
  };
}
