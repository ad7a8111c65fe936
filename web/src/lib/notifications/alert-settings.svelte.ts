// The e-mail alert settings' view model (issue 16): the form's fields, filled
// from the settings this account last sent its bridge (read back from the
// alert-settings room, lib/matrix/alert-room.ts), checked (alert-form.ts) and
// sent encrypted to the person's own authority's bridge; what happened, as a
// status the page puts in words. Only a device its owner cross-signed is
// listened to by the bridge: an unverified one is told so, and sends nothing.
import { bridgeUserId } from '#policies/roster/bridge.ts';
import { serverNameOf } from '#policies/cases/index.ts';
import type { AlertPreferences, EmailProblem } from '#policies/alerts/preferences.ts';
import type { Failure } from '../matrix/failure.ts';
import type { MatrixClient } from '../matrix/sdk.ts';
import { alertRoomOf, sendAlertPreferences, sentPreferences } from '../matrix/alert-room.ts';
import { alertFormOf, alertPreferencesOf } from './alert-form.ts';

export type AlertSettingsStatus =
	| { readonly kind: 'idle' }
	| { readonly kind: 'sending' }
	| { readonly kind: 'sent' }
	| { readonly kind: 'failed'; readonly failure: Failure };

export class AlertMailSettings {
	readonly #client: MatrixClient;
	readonly #bridge: string;
	#sent = $state.raw<AlertPreferences | undefined>(undefined);
	#touched = false;
	email = $state('');
	newRequests = $state(true);
	#problem = $state<Exclude<EmailProblem, 'empty'> | undefined>(undefined);
	#status = $state.raw<AlertSettingsStatus>({ kind: 'idle' });

	constructor(client: MatrixClient) {
		this.#client = client;
		this.#bridge = bridgeUserId(serverNameOf(client.getSafeUserId()));
		this.refresh();
	}

	/** The address problem the form shows, until the person changes the field. */
	get problem(): Exclude<EmailProblem, 'empty'> | undefined {
		return this.#problem;
	}

	get status(): AlertSettingsStatus {
		return this.#status;
	}

	/** The settings last sent from this account, as far as this browser can read them. */
	get sent(): AlertPreferences | undefined {
		return this.#sent;
	}

	/** Reads the settings sent before; fills the form with them while the person has not changed it. */
	refresh(): void {
		const room = alertRoomOf(this.#client, this.#bridge);
		const sent = room === undefined ? undefined : sentPreferences(this.#client, room);
		if (sent === undefined || sent.version === this.#sent?.version) return;
		this.#sent = sent;
		if (this.#touched) return;
		const form = alertFormOf(sent);
		this.email = form.email;
		this.newRequests = form.newRequests;
	}

	/** The person changed a field: what was read no longer overwrites it, and an old problem goes. */
	edited(): void {
		this.#touched = true;
		this.#problem = undefined;
		if (this.#status.kind !== 'sending') this.#status = { kind: 'idle' };
	}

	/** Checks and sends; false when the address was refused here (the field says why). */
	async save(now = Date.now()): Promise<boolean> {
		if (this.#status.kind === 'sending') return false;
		const preferences = alertPreferencesOf({ email: this.email, newRequests: this.newRequests }, now, this.#sent);
		if (!preferences.ok) {
			this.#problem = preferences.error;
			return false;
		}
		this.#problem = undefined;
		this.#status = { kind: 'sending' };
		const sent = await sendAlertPreferences(this.#client, this.#bridge, preferences.value);
		if (!sent.ok) {
			this.#status = { kind: 'failed', failure: sent.error };
			return true;
		}
		this.#sent = preferences.value;
		this.email = preferences.value.email ?? '';
		this.#status = { kind: 'sent' };
		return true;
	}
}
