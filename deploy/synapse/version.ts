// The one Synapse the project runs, everywhere (development, tests, benches).
// Bumping it: change SYNAPSE_VERSION, reduce requirements.lock to the single
// line `matrix-synapse==<new version>`, start anything once (the venv is
// rebuilt), then regenerate the lock as its header says.

export const SYNAPSE_VERSION = '1.163.2';

/** The oldest Python this Synapse supports (its wheel's Requires-Python). */
export const MIN_PYTHON: readonly [number, number] = [3, 10];
