// View model of the secretariat's admission desk on a network's page (issue
// 13, "Admission and removal reach every server"; docs/roster-updates.md):
// the knock queue of the network's space (re-read from the homeserver on
// every state change of the space), admitting or refusing a knocker, and
// publishing a new roster version — the file's bytes hashed here (WebCrypto),
// checked by the server against the roster the app runs (the parser stays
// out of the bundle), then announced, encrypted, in the announcements room.
// The Matrix side is loaded lazily so the SDK stays out of server rendering.
import { err, ok, type Result } from '#policies/result.ts';
import { rosterAnnouncementContent } from '#policies/roster-update/announcement.ts';
import type { NetworkId } from '#policies/roster/types.ts';
import type { CaseParties } from '../cases/case-rooms.svelte.ts';
import type { Failure } from '../matrix/failure.ts';
import type { MatrixClient } from '../matrix/sdk.ts';
import { knockRows, type KnockRow } from './knock-queue.ts';
import { hex, readRosterCheck, type RosterCheck } from './roster-publish.ts';

type KnocksApi = typeof import('../matrix/knocks.ts');

let api: Promise<KnocksApi> | undefined;
function loadApi(): Promise<KnocksApi> {
	api ??= import('../matrix/knocks.ts');
	api.catch(() => (api = undefined));
	return api;
}

export type DeskProblem =
	| { readonly kind: 'no-room' }
	| { readonly kind: 'unreadable-file' }
	| { readonly kind: 'check-unavailable' }
	/** The web server does not count this person among the network's staff (its people file). */
	| { readonly kind: 'not-staff' }
	| { readonly kind: 'not-announceable'; readonly detail: string }
	| Failure;

/** A roster file read and checked, ready to be confirmed. */
export interface CheckedFile {
	readonly name: string;
	readonly text: string;
	readonly sha256: string;
	readonly check: RosterCheck;
}

export class AdmissionDesk {
	readonly network: NetworkId;
	readonly #client: MatrixClient;
	readonly #parties: CaseParties;
	#space: string | undefined;
	#rows = $state.raw<KnockRow[] | undefined>(undefined);
	#readProblem = $state.raw<DeskProblem | undefined>(undefined);
	#unwatch: (() => void) | undefined;
	#generation = 0;
	#scheduled = false;

	constructor(client: MatrixClient, parties: CaseParties, network: NetworkId) {
		this.#client = client;
		this.#parties = parties;
		this.network = network;
	}

	/** The queue; undefined until it has been read once. */
	get rows(): KnockRow[] | undefined {
		return this.#rows;
	}
	get readProblem(): DeskProblem | undefined {
		return this.#readProblem;
	}

	/** Follows the knocks of `spaceId` (the space the page found); a new ID starts over. */
	async follow(spaceId: string | undefined): Promise<void> {
		if (spaceId === this.#space) return;
		this.#unwatch?.();
		this.#unwatch = undefined;
		this.#space = spaceId;
		this.#rows = undefined;
		if (spaceId === undefined) return;
		const knocks = await loadApi();
		if (this.#space !== spaceId) return;
		this.#unwatch = knocks.watchSpaceState(this.#client, spaceId, () => this.#refresh());
		await this.reread();
	}

	stop(): void {
		this.#unwatch?.();
		this.#unwatch = undefined;
		this.#space = undefined;
	}

	#refresh(): void {
		if (this.#scheduled) return;
		this.#scheduled = true;
		queueMicrotask(() => {
			this.#scheduled = false;
			void this.reread();
		});
	}

	/** Reads the knocks again from the homeserver. */
	async reread(): Promise<void> {
		const space = this.#space;
		if (space === undefined) return;
		const generation = ++this.#generation;
		const read = await (await loadApi()).knocksOn(this.#client, space);
		if (generation !== this.#generation || space !== this.#space) return;
		if (!read.ok) {
			this.#readProblem = read.error;
			return;
		}
		this.#readProblem = undefined;
		this.#rows = knockRows(read.value, this.#parties.roster, this.network, this.#parties.servers);
	}

	async #act(doing: (api: KnocksApi, space: string) => Promise<Result<void, Failure>>): Promise<Result<void, DeskProblem>> {
		const space = this.#space;
		if (space === undefined) return err({ kind: 'no-room' });
		const done = await doing(await loadApi(), space);
		await this.reread();
		return done;
	}

	/** Invites the knocker into the space. */
	admit(userId: string): Promise<Result<void, DeskProblem>> {
		return this.#act((knocks, space) => knocks.admitKnock(this.#client, space, userId));
	}

	/** Rejects the knock (a kick), with the reason when one is given. */
	refuse(userId: string, reason: string): Promise<Result<void, DeskProblem>> {
		return this.#act((knocks, space) => knocks.refuseKnock(this.#client, space, userId, reason));
	}

	/** Reads a chosen roster file (UTF-8, its exact bytes hashed) and has the server check it. */
	async check(file: File): Promise<Result<CheckedFile, DeskProblem>> {
		let bytes: Uint8Array<ArrayBuffer>;
		let text: string;
		try {
			bytes = new Uint8Array(await file.arrayBuffer());
			// NOTE: the BOM kept and invalid UTF-8 refused, so the text members hash is these very bytes.
			text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
		} catch {
			return err({ kind: 'unreadable-file' });
		}
		const sha256 = hex(await crypto.subtle.digest('SHA-256', bytes));
		let answer: unknown;
		try {
			const response = await fetch(`/api/networks/${encodeURIComponent(this.network.toLowerCase())}/roster-check`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ file: text }),
			});
			if (response.status === 403) return err({ kind: 'not-staff' });
			answer = await response.json();
		} catch {
			return err({ kind: 'check-unavailable' });
		}
		const check = readRosterCheck(answer);
		if (check === undefined) return err({ kind: 'check-unavailable' });
		return ok({ name: file.name, text, sha256, check });
	}

	/** Announces the checked version in the announcements room, encrypted; resolves with the event's ID. */
	async publish(announcements: string | undefined, checked: CheckedFile): Promise<Result<string, DeskProblem>> {
		if (announcements === undefined) return err({ kind: 'no-room' });
		if (checked.check.kind !== 'next') return err({ kind: 'not-announceable', detail: checked.check.kind });
		const content = rosterAnnouncementContent({ version: checked.check.version, sha256: checked.sha256, file: checked.text });
		if (!content.ok) return err({ kind: 'not-announceable', detail: content.error });
		return (await loadApi()).sendRosterAnnouncement(this.#client, announcements, content.value);
	}
}

let current: { client: MatrixClient; network: NetworkId; desk: AdmissionDesk } | undefined;

/** The desk for a network (one at a time). */
export function admissionDeskFor(client: MatrixClient, parties: CaseParties, network: NetworkId): AdmissionDesk {
	if (current?.client !== client || current.network !== network) {
		current?.desk.stop();
		current = { client, network, desk: new AdmissionDesk(client, parties, network) };
	}
	return current.desk;
}
