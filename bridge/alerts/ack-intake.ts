// People's acknowledgements of alerts reaching the bridge (issue 16,
// policies/alerts/alert-ack.ts): the web app sends them encrypted into the
// case room; this sink wrapper picks them out of each batch and hands them to
// the register with it, in the same transaction as the sync position (a crash
// neither loses nor doubles one). One is taken only when it counts by the
// trust rule and its sender is one of this authority's people (its people
// file); anything else that carries one is logged "not taken" with its
// reason. The escalation reads them (lapsing-preservations.ts).
import { alertAckVerdict, isAlertAck } from '../../policies/alerts/index.ts';
import type { BatchSink } from '../matrix/sink.ts';
import { pickingSink } from './picking-sink.ts';
import type { AlertAckRow, IngestedEvent } from '../register/index.ts';

export interface AckIntakeOptions {
	/** The Matrix IDs of this authority's people (its people file). */
	readonly people: ReadonlySet<string>;
	readonly log: (line: string) => void;
}

/** The acknowledgements among a batch's events that the bridge takes, in order. */
export function pickAlertAcks(events: readonly IngestedEvent[], options: AckIntakeOptions): AlertAckRow[] {
	const taken: AlertAckRow[] = [];
	for (const event of events) {
		if (!isAlertAck(event.content)) continue;
		const verdict = alertAckVerdict(event, options.people);
		if (!verdict.take) {
			options.log(`alerts: ${event.eventId} from ${event.sender}: acknowledgement not taken: ${verdict.reason}`);
			continue;
		}
		taken.push({ alertId: verdict.alert, room: event.room, userId: event.sender, eventId: event.eventId, at: event.originServerTs });
		options.log(`alerts: ${event.eventId} from ${event.sender}: acknowledges ${verdict.alert}`);
	}
	return taken;
}

/** The sink, handing each batch's acknowledgements to the register with the batch (logged once it is kept). */
export function alertAcksSink(sink: BatchSink, options: AckIntakeOptions): BatchSink {
	return pickingSink(sink, 'alertAcks', (events, log) => pickAlertAcks(events, { ...options, log }), options.log);
}
