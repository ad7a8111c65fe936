// The one Synapse the project runs, everywhere (development, tests, benches).
// Bumping it: change SYNAPSE_VERSION, delete requirements.lock's pins, run
// `npm start` once, then regenerate the lock (see deploy/README.md).

export const SYNAPSE_VERSION = '1.163.2';

/** The oldest Python this Synapse supports (its wheel's Requires-Python). */
export const MIN_PYTHON: readonly [number, number] = [3, 10];
