// One fault run (issue 14), for the fault tests (tests/faults) and the
// `recovery` bench: a case flow of encrypted events — the opening, notes,
// amendments, refused events and the requesting side's status moves spread
// through it — goes from Guatemala's homeserver into a case room with
// Nigeria, both authorities' bridges in it, while Nigeria's Synapse suffers
// the fault, once the first 10 events are sent:
// - `kill`: SIGKILL. The federation's supervisor (deploy/local/federation.ts,
//   restart-policy.ts) starts it again after its pause, as systemd would;
//   `restartedAt` is when its client API answers again.
// - `pause`: SIGSTOP for `seconds` (it neither answers nor drops anything: a
//   partition), then SIGCONT; `restartedAt` is the SIGCONT.
// - `none`: the baseline, no fault.
// Then it waits (`recoveryLimitMs`, a guard for a loaded machine, not a
// measure) until both bridges' registers hold every event of the flow, and
// says when (`completeAt`). Times are performance.now() milliseconds.
// NOTE: the paused homeserver is the caller's federation's: it is continued
// in a `finally` and by `resume` (for the caller's afterAll), whatever happens.
import type * as sdk from 'matrix-js-sdk';
import { GUATEMALA, NIGERIA } from '../../../policies/roster/testing/demo.ts';
import { clientAnswers } from '../../../deploy/local/readiness.ts';
import { homeserverOf, type FederationInfo } from '../federation-info.ts';
import { botSetup, readRegister, type BotLaunch, type BotProcess, type BotSetup } from '../bot/bot-process.ts';
import { caseRoomWithBots, crossSignedClient, linearSend, until } from '../bot/bot-room.ts';
import { runCaseFlow, type FlowSummary } from '../bot/case-flow.ts';
import { synapsePid } from './synapse-pid.ts';

export type Fault = { readonly kind: 'kill' } | { readonly kind: 'pause'; readonly seconds: number } | { readonly kind: 'none' };

export interface FaultRunOptions {
	readonly fault: Fault;
	readonly total: number;
	/** Distinguishes the run's rooms and accounts. */
	readonly label: string;
	/** How long to wait, after the restart (or the last send), for both registers to be complete. */
	readonly recoveryLimitMs: number;
	/** Starts a bot process that the caller stops (tests: stoppedAfterAll). */
	readonly startBot: (launch: BotLaunch) => BotProcess;
	/** Clients the caller stops. */
	readonly clients: sdk.MatrixClient[];
	readonly log?: (line: string) => void;
}

export interface FaultRun {
	readonly room: string;
	readonly flow: FlowSummary;
	readonly receiving: BotSetup;
	readonly sending: BotSetup;
	readonly receivingBot: BotProcess;
	/** When the first event was sent, the fault began, the homeserver was back, and both registers were complete. */
	readonly firstSentAt: number;
	readonly faultAt: number | undefined;
	readonly restartedAt: number | undefined;
	readonly completeAt: number;
	/** Of the flow's events, how many were sent while the receiving homeserver was down. */
	readonly sentWhileDown: number;
}

let paused: number | undefined;

/** Continues a homeserver a run left stopped (for afterAll, whatever happened). */
export function resume(): void {
	if (paused !== undefined) process.kill(paused, 'SIGCONT');
	paused = undefined;
}

/** The event IDs the bridge logged for the room, in the register's order. */
export const roomEvents = (setup: BotSetup, room: string): string[] =>
	readRegister(setup)
		?.snapshot.eventLog.filter((r) => r.roomId === room)
		.map((r) => r.eventId) ?? [];

export async function faultRun(federation: FederationInfo, options: FaultRunOptions): Promise<FaultRun> {
	const log = options.log ?? (() => {});
	const ng = homeserverOf(federation, 'ng-ca');
	const gt = homeserverOf(federation, 'gt-mp');
	const receiving = await botSetup(ng, federation.homeservers);
	const sending = await botSetup(gt, federation.homeservers);
	const requesting = await crossSignedClient(federation, 'gt-mp', `${options.label}-gt`);
	const requested = await crossSignedClient(federation, 'ng-ca', `${options.label}-ng`);
	options.clients.push(requesting, requested);
	const [receivingBot, sendingBot] = [options.startBot(receiving), options.startBot(sending)];
	await Promise.all([receivingBot.logged('bridge running'), sendingBot.logged('bridge running')]);
	const room = await caseRoomWithBots(requesting, requested, [receiving.userId, sending.userId]);

	const send = linearSend(room, { requesting, requested });
	let count = 0;
	let downAtCount = 0;
	const firstSentAt = performance.now();
	const flowing = runCaseFlow(
		{
			total: options.total,
			requesting: GUATEMALA.id,
			requested: NIGERIA.id,
			requestingOnly: true,
			consultations: 2,
			label: options.label,
		},
		(side, content) =>
			send(side, content).then((id) => {
				count++;
				return id;
			}),
	);
	const flowSent = flowing.then(() => performance.now());
	let faultAt: number | undefined;
	let restartedAt: number | undefined;
	const fault = options.fault;
	if (fault.kind === 'none') await flowing;
	else {
		await until(() => count >= 10, 'the first 10 events sent', 1200, 50);
		downAtCount = count;
		const pid = await synapsePid(ng);
		if (fault.kind === 'pause') {
			try {
				paused = pid;
				process.kill(pid, 'SIGSTOP');
				faultAt = performance.now();
				await flowing;
				const left = fault.seconds * 1000 - (performance.now() - faultAt);
				if (left > 0) await new Promise((r) => setTimeout(r, left));
			} finally {
				resume();
				restartedAt = performance.now();
			}
		} else {
			process.kill(pid, 'SIGKILL');
			faultAt = performance.now();
			await until(async () => !(await clientAnswers(ng.clientUrl)), `${ng.id} down after SIGKILL`, 200, 50);
			// The supervisor starts it again after its pause (10 s) and Synapse's own start: minutes on a loaded machine.
			await until(() => clientAnswers(ng.clientUrl), `${ng.id} restarted by the federation's supervisor`, 1200, 250);
			restartedAt = performance.now();
		}
	}
	const { sent } = await flowing;
	const lastSentAt = await flowSent;
	const sentWhileDown = fault.kind === 'none' ? 0 : Math.max(0, count - downAtCount);
	log(
		`${options.label}: ${sent.length} events sent in ${Math.round(lastSentAt - firstSentAt)} ms` +
			(fault.kind === 'none' ? '' : `, ${sentWhileDown} of them after ${ng.id}'s ${fault.kind === 'kill' ? 'SIGKILL' : 'SIGSTOP'}`),
	);

	const complete = (setup: BotSetup): boolean => {
		const logged = new Set(roomEvents(setup, room));
		return sent.every((id) => logged.has(id));
	};
	const from = restartedAt ?? lastSentAt;
	try {
		await until(
			() => complete(receiving) && complete(sending),
			'both registers hold every event',
			Math.ceil(options.recoveryLimitMs / 100),
			100,
		);
	} finally {
		const missing = sent.filter((id) => !new Set(roomEvents(receiving, room)).has(id));
		const lines = receivingBot.output().split('\n');
		const found = (kind: string): number => lines.filter((l) => l.includes(kind) && /[1-9]\d* missing events found/.test(l)).length;
		log(
			`${options.label}: ${ng.id}'s register ${missing.length === 0 ? 'complete' : `misses ${missing.length} of ${sent.length}`} ` +
				`${Math.round(performance.now() - from)} ms after ${restartedAt === undefined ? 'the last send' : `${ng.id} was back`}; ` +
				`back-paginations that found missing events: ${found('cut the timeline short')} after a cut-short timeline, ` +
				`${found('reconcile (')} in reconciliations`,
		);
	}
	return {
		room,
		flow: await flowing,
		receiving,
		sending,
		receivingBot,
		firstSentAt,
		faultAt,
		restartedAt,
		completeAt: performance.now(),
		sentWhileDown,
	};
}
