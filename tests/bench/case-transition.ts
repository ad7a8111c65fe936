// Metric `case_transition`: the latency from a status transition sent by a
// client on one homeserver until the other party's client, on another
// homeserver, has decrypted it and refolded the case record to the new
// status. Baseline, in the same run: a plain text message over the same path
// (same room, same direction, decrypted). The request loops between
// "additional information requested" and "information provided", so each
// side sends half the transitions; sends alternate with baseline messages.
import type { MatrixClient } from 'matrix-js-sdk';
import type { CaseRecord, StatusId, TransitionId } from '../../policies/cases/index.ts';
import { OPENED } from '../../policies/cases/testing/fixtures.ts';
import { sendCaseEvent, type FoldedCaseRoom } from '../support/case-room-node.ts';
import { openCaseRoomPair } from '../support/case-room-setup.ts';
import type { FederationInfo } from '../support/federation-info.ts';
import { decryptedMessage } from '../support/matrix-node-client.ts';
import { percentile, report } from './stats.ts';

const TRANSITIONS = 100;
const status = (s: string) => s as StatusId;

export async function caseTransition(federation: FederationInfo): Promise<void> {
	const pair = await openCaseRoomPair(federation, 'bench');
	const { requesting, requested, requestingView, requestedView, roomId } = pair;
	try {
		let follows = (await sendCaseEvent(requesting, roomId, OPENED)) as string;
		const setUp: [MatrixClient, FoldedCaseRoom, string, string, string?][] = [
			[requesting, requestedView, 'draft', 'sent'],
			[requested, requestingView, 'sent', 'received'],
			[requested, requestingView, 'received', 'additional-info-requested', 'Identification needed.'],
		];
		const move = async (sender: MatrixClient, view: FoldedCaseRoom, from: string, to: string, reason?: string): Promise<number> => {
			const t0 = performance.now();
			const sent = sendCaseEvent(sender, roomId, {
				type: 'transition',
				follows: follows as TransitionId,
				from: status(from),
				to: status(to),
				...(reason === undefined ? {} : { reason }),
			});
			await view.until((record: CaseRecord) => 'statusHistory' in record && record.statusHistory.at(-1)?.to === to && record.status === to);
			const elapsed = performance.now() - t0;
			follows = await sent;
			return elapsed;
		};
		for (const step of setUp) await move(...step);

		const transitions: number[] = [];
		const texts: number[] = [];
		for (let i = 0; i < TRANSITIONS; i++) {
			const requestingMoves = i % 2 === 0;
			const [sender, receiver, view] = requestingMoves ? [requesting, requested, requestedView] : [requested, requesting, requestingView];
			transitions.push(
				await (requestingMoves
					? move(sender, view, 'additional-info-requested', 'info-provided')
					: move(sender, view, 'info-provided', 'additional-info-requested', `Round ${i}: more needed.`)),
			);
			const body = `baseline ${i}`;
			const arrived = decryptedMessage(receiver, roomId, (b) => b === body);
			const t0 = performance.now();
			await sender.sendTextMessage(roomId, body);
			await arrived;
			texts.push(performance.now() - t0);
		}
		if (requestedView.record.rejected.length > 0)
			throw new Error(`the fold rejected benchmark events: ${JSON.stringify(requestedView.record.rejected)}`);
		for (const p of [50, 95]) {
			report({
				metric: `case_transition.p${p}`,
				value: percentile(transitions, p),
				unit: 'ms',
				baseline: percentile(texts, p),
				baseline_is: 'plain text message over the same path, same run',
				n: TRANSITIONS,
				path: 'gt-mp ⇄ ng-ca, sent → decrypted → refolded',
			});
		}
	} finally {
		pair.stop();
	}
}
