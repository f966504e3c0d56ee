/**
 * The default of an actor or action a flow machine declares but cannot implement itself: the
 * machines stay pure, and the app injects the real side effects with `machine.provide`. Running a
 * machine without them fails loudly, naming the machine and what is missing.
 */
export function notProvidedIn(machine: string): (name: string) => never {
  return (name) => {
    throw new Error(`${machine} machine: "${name}" must be provided by the app (machine.provide)`);
  };
}
