/** The fields of `wanted` whose value differs from `current`, or undefined when none do. */
export function differences<W extends object>(current: object, wanted: W): Partial<W> | undefined {
  const patch: Partial<W> = {};
  let changed = false;
  for (const key of Object.keys(wanted) as (keyof W & string)[]) {
    if (wanted[key] !== (current as Record<string, unknown>)[key]) {
      patch[key] = wanted[key];
      changed = true;
    }
  }
  return changed ? patch : undefined;
}
