/** The named fields of a value and nothing else: an allow-list for what an API publishes of an internal view. */
export function pick<T extends object, const K extends ReadonlyArray<keyof T>>(value: T, keys: K): Pick<T, K[number]> {
  return Object.fromEntries(keys.map((k) => [k, value[k]])) as Pick<T, K[number]>;
}
