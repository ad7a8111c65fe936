// The bridge's reports to its networks' secretariats (docs/secretariat-reports.md,
// "Sending"): with its administrators' consent (the site's
// `bridge.report_to_secretariat`), at each tick it
// 1. joins a reports room it is invited to, only when the room's create event
//    is its own: created by the expected service account of one of its
//    networks, marked `reports` for that network and for this authority
//    (policies/network/marker.ts roomMarkerOf; the marker read from the
//    invitation's stripped state, checked again from the room's own state
//    once joined);
// 2. sends into each such room, encrypted, its register's head once a day and
//    its statistics once per `statisticsEveryHours`, remembering each send in
//    its state file (state-file.ts) so a restart sends nothing twice in a
//    period (policies/reports/schedule.ts).
// Without consent it joins nothing and sends nothing. Either way the case
// sync leaves reports rooms to it: their invitations are never answered by
// the invitation policy (ownsInvitation) and their events never reach the
// register (owns). A failed step is one log line and is tried at a later tick.
// The expected service account of a network is `@rogatory-secretariat-<net>`
// on the one homeserver the roster names as its secretariat's host
// (options.ts, networkSecretariat): an administrator of another member's
// homeserver who registered that localpart is not trusted.
import { createHash } from 'node:crypto';
import { roomMarkerOf, secretariatServiceAccount, type CreateEvent, type RoomMarker } from '../../policies/network/index.ts';
import {
	buildNetworkStatsContent,
	buildWitnessContent,
	type NetworkStatsPayload,
	type ReportRefusal,
} from '../../policies/reports/index.ts';
import { reportDue, reportPeriod, WITNESS_EVERY_HOURS, type ReportKind } from '../../policies/reports/schedule.ts';
import type { Result } from '../../policies/result.ts';
import type { AuthorityId, NetworkId } from '../../policies/roster/types.ts';
import { readReportsState, withSent, writeReportsState, type ReportsState } from './state-file.ts';

/** A room the bridge is invited to or in, with its create event as the client knows it (stripped for an invitation). */
export interface KnownRoom {
	readonly room: string;
	readonly membership: 'invite' | 'join';
	readonly create: CreateEvent | undefined;
}

/** What the reporter asks of the bridge's Matrix client (bridge/matrix/reports-client.ts over matrix-js-sdk). */
export interface ReportsClient {
	rooms(): readonly KnownRoom[];
	/** The room's create event as the client knows it (restored from the checkpoint after a restart). */
	createOf(room: string): CreateEvent | undefined;
	join(room: string): Promise<void>;
	/**
	 * How many members have joined the room besides this bridge and the room's
	 * creator: the secretariat's staff who can read a report. Megolm gives no
	 * key to a device that did not exist when a message was sent, so a report
	 * sent before any reader joined could never be read.
	 */
	readers(room: string): number;
	/** Sends encrypted; refused (never sent in the clear) while the room is not known as encrypted. */
	send(room: string, content: Record<string, unknown>, txnId: string): Promise<Result<string, string>>;
}

/** Where the reports come from: the bridge's register (source.ts). */
export interface ReportSource {
	head(): Result<{ readonly seq: number; readonly hash: string }, string>;
	statistics(network: NetworkId, now: Date): Result<NetworkStatsPayload, string>;
}

export interface ReportsOptions {
	/** The site's `bridge.report_to_secretariat`. */
	readonly consent: boolean;
	readonly authority: AuthorityId;
	/** The authority's networks, each with the homeservers its service account may be on. */
	readonly networks: ReadonlyMap<NetworkId, readonly string[]>;
	/** The site's `bridge.report_statistics_every_hours`. */
	readonly statisticsEveryHours: number;
	/** The JSON state file (state-file.ts), in the bridge's secrets folder. */
	readonly stateFile: string;
	readonly source: ReportSource;
	readonly now?: () => Date;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const txnOf = (room: string, kind: ReportKind, period: string): string =>
	`rogatory-report-${createHash('sha256').update(`${room}\n${kind}\n${period}`).digest('hex').slice(0, 40)}`;

export class Reporter {
	readonly #client: ReportsClient;
	readonly #options: ReportsOptions;
	readonly #log: (line: string) => void;
	readonly #creators: readonly string[];
	/** Reports rooms this bridge joined or is joining: the case sync leaves them alone. */
	readonly #owned = new Set<string>();
	/** Rooms whose refusal was logged already. */
	readonly #refused = new Set<string>();
	/** Rooms whose wait for a reader was logged already. */
	readonly #waiting = new Set<string>();
	#state: ReportsState;
	#ticking: Promise<void> | undefined;

	constructor(client: ReportsClient, options: ReportsOptions, log: (line: string) => void) {
		this.#client = client;
		this.#options = options;
		this.#log = log;
		this.#creators = [...options.networks].flatMap(([network, servers]) => servers.map((s) => secretariatServiceAccount(network, s)));
		this.#state = readReportsState(options.stateFile);
	}

	/** This authority's reports room in one of its networks, from its create event; otherwise why not. */
	markerOf(create: CreateEvent | undefined): Result<RoomMarker, string> {
		if (create === undefined) return { ok: false, error: 'no create event known' };
		const marker = roomMarkerOf(create, this.#creators);
		if (!marker.ok) return marker;
		const { kind, networks, authority } = marker.value;
		const network = networks[0];
		if (kind !== 'reports') return { ok: false, error: `a ${kind} room, not a reports room` };
		if (network === undefined || !this.#options.networks.has(network))
			return { ok: false, error: `not a room of this authority's networks` };
		const expected = (this.#options.networks.get(network) ?? []).map((server) => secretariatServiceAccount(network, server));
		if (!expected.includes(create.sender))
			return { ok: false, error: `created by ${create.sender}, not by the ${network} secretariat's service account` };
		if (authority !== this.#options.authority)
			return { ok: false, error: `the reports room of ${String(authority)}, not of ${this.#options.authority}` };
		return marker;
	}

	/** Whether the case sync must leave this invitation unanswered: a reports room, which only this reporter may join. */
	ownsInvitation(create: CreateEvent | undefined): boolean {
		if (create === undefined) return false;
		const marker = roomMarkerOf(create, this.#creators);
		return marker.ok && marker.value.kind === 'reports';
	}

	/** Whether the room's events are kept from the register: a reports room, joined or not, from the first batch after a restart on. */
	owns(room: string): boolean {
		if (this.#owned.has(room)) return true;
		if (!this.ownsInvitation(this.#client.createOf(room))) return false;
		this.#owned.add(room);
		return true;
	}

	/** One pass; a pass already running is not started twice. */
	tick(): Promise<void> {
		if (!this.#options.consent) return Promise.resolve();
		this.#ticking ??= this.#pass()
			.catch((e: unknown) => this.#log(`reports: ${messageOf(e)} — will try again`))
			.finally(() => (this.#ticking = undefined));
		return this.#ticking;
	}

	async #pass(): Promise<void> {
		for (const known of this.#client.rooms()) {
			const marker = this.markerOf(known.create);
			if (!marker.ok) {
				if (known.create !== undefined && roomMarkerOf(known.create, this.#creators).ok && !this.#refused.has(known.room)) {
					this.#refused.add(known.room);
					this.#log(`reports: not taking part in ${known.room}: ${marker.error}`);
				}
				continue;
			}
			this.#owned.add(known.room);
			const network = marker.value.networks[0]!;
			if (known.membership === 'invite') {
				try {
					await this.#client.join(known.room);
					this.#log(`reports: joined the ${network} reports room ${known.room}`);
				} catch (e) {
					this.#log(`reports: could not join the ${network} reports room ${known.room}: ${messageOf(e)} — will try again`);
				}
				continue;
			}
			// NOTE: nothing is sent before a reader joined: it would hold no key to it (docs/secretariat-reports.md, "Sending").
			if (this.#client.readers(known.room) === 0) {
				if (!this.#waiting.has(known.room)) this.#log(`reports: waiting for the ${network} secretariat’s staff to join ${known.room}`);
				this.#waiting.add(known.room);
				continue;
			}
			this.#waiting.delete(known.room);
			await this.#sendDue(known.room, network);
		}
	}

	async #sendDue(room: string, network: NetworkId): Promise<void> {
		const now = (this.#options.now ?? (() => new Date()))();
		const every: Record<ReportKind, number> = { witness: WITNESS_EVERY_HOURS, statistics: this.#options.statisticsEveryHours };
		for (const kind of ['witness', 'statistics'] as const) {
			const period = reportPeriod(now.getTime(), every[kind]);
			if (!reportDue(this.#state.sent[room]?.[kind]?.period, period)) continue;
			const content = this.#content(kind, network, now);
			if (!content.ok) {
				this.#log(`reports: no ${kind} report for ${network}: ${content.error} — will try again`);
				continue;
			}
			const sent = await this.#client.send(room, content.value, txnOf(room, kind, period));
			if (!sent.ok) {
				this.#log(`reports: could not send the ${kind} report to ${network} in ${room}: ${sent.error} — will try again`);
				continue;
			}
			this.#state = withSent(this.#state, room, kind, { period, eventId: sent.value });
			writeReportsState(this.#options.stateFile, this.#state);
			this.#log(`reports: sent the ${kind} report to ${network} (${sent.value})`);
		}
	}

	#content(kind: ReportKind, network: NetworkId, now: Date): Result<Record<string, unknown>, string> {
		const refusal = (r: Result<Record<string, unknown>, ReportRefusal>): Result<Record<string, unknown>, string> =>
			r.ok ? r : { ok: false, error: `${r.error.code}: ${r.error.reason}` };
		if (kind === 'witness') {
			const head = this.#options.source.head();
			if (!head.ok) return head;
			return refusal(
				buildWitnessContent({ authority: this.#options.authority, seq: head.value.seq, hash: head.value.hash, at: now.toISOString() }),
			);
		}
		const stats = this.#options.source.statistics(network, now);
		return stats.ok ? refusal(buildNetworkStatsContent(stats.value)) : stats;
	}
}
