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
