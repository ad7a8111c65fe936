// How often the bridge pages back through every case room for events its sync
// missed (issue 14; bridge/matrix/backfill.ts): the site's
// bridge.reconcile_every_minutes (hourly when left out), unless the
// environment's ROGATORY_BRIDGE_RECONCILE_SECONDS says otherwise — the test
// federations' fault tests shorten it below a minute. Pure.
import { err, ok, type Result } from '../../policies/result.ts';

export const RECONCILE_ENV = 'ROGATORY_BRIDGE_RECONCILE_SECONDS';

/** The interval in milliseconds; an error names the variable when its value is not a whole number of seconds from 1. */
export function reconcileEveryMs(env: Readonly<Record<string, string | undefined>>, siteMinutes: number): Result<number, string> {
	const value = env[RECONCILE_ENV];
	if (value === undefined || value === '') return ok(siteMinutes * 60_000);
	const seconds = Number(value);
	return Number.isInteger(seconds) && seconds >= 1
		? ok(seconds * 1000)
		: err(`${RECONCILE_ENV}: "${value.slice(0, 40)}" must be a whole number of seconds, 1 or more`);
}
