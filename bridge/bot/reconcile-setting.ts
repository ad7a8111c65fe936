// How often the bridge pages back through every case room for events its sync
// missed (issue 14; bridge/matrix/backfill.ts): hourly, unless the
// environment's ROGATORY_BRIDGE_RECONCILE_SECONDS says otherwise — the test
// federations' fault tests and benches shorten it.
// NOTE: a site key (bridge.reconcile_every_hours, beside
// report_statistics_every_hours) is the intended home; it needs the site
// file's parser (policies/roster/file), left for a later change. Pure.
import { err, ok, type Result } from '../../policies/result.ts';

export const RECONCILE_ENV = 'ROGATORY_BRIDGE_RECONCILE_SECONDS';
export const RECONCILE_DEFAULT_MS = 3_600_000;

/** The interval in milliseconds; an error names the variable when its value is not a whole number of seconds from 1. */
export function reconcileEveryMs(env: Readonly<Record<string, string | undefined>>): Result<number, string> {
	const value = env[RECONCILE_ENV];
	if (value === undefined || value === '') return ok(RECONCILE_DEFAULT_MS);
	const seconds = Number(value);
	return Number.isInteger(seconds) && seconds >= 1
		? ok(seconds * 1000)
		: err(`${RECONCILE_ENV}: "${value.slice(0, 40)}" must be a whole number of seconds, 1 or more`);
}
