// The e-mail alert settings form's logic (issue 16), without any UI: what the
// person typed and ticked turned into the settings sent to their bridge
// (policies/alerts/preferences.ts) — the address checked as the bridge checks
// it again, an empty field meaning "the address my administrator gave", and
// a version above any the browser knew, so that the bridge takes the newest —
// and back. Pure.
import { checkEmail, type AlertPreferences, type EmailProblem } from '#policies/alerts/preferences.ts';
import { err, ok, type Result } from '#policies/result.ts';

export interface AlertForm {
	/** The address typed; empty: the people file's. */
	readonly email: string;
	/** Whether the batched mail of new routine requests is wanted. */
	readonly newRequests: boolean;
}

/** What the form shows for the settings last sent (none: the defaults). */
export function alertFormOf(sent: AlertPreferences | undefined): AlertForm {
	return { email: sent?.email ?? '', newRequests: sent?.off.includes('new-requests') !== true };
}

/** The settings to send; the address's problem when it is not one the bridge would take. */
export function alertPreferencesOf(
	form: AlertForm,
	now: number,
	sent: AlertPreferences | undefined,
): Result<AlertPreferences, Exclude<EmailProblem, 'empty'>> {
	let email: string | null = null;
	if (form.email.trim() !== '') {
		const checked = checkEmail(form.email);
		if (!checked.ok) return err(checked.error === 'empty' ? 'malformed' : checked.error);
		email = checked.value;
	}
	// NOTE: never urgent: urgent mails are not the person's to turn off here (policies/alerts/preferences.ts).
	return ok({
		version: Math.max(Math.trunc(now), (sent?.version ?? 0) + 1),
		email,
		off: form.newRequests ? [] : ['new-requests'],
	});
}
