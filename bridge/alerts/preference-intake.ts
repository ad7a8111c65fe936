// People's own alert settings reaching the bridge (issue 16): the web app
// sends them as an encrypted m.room.message (policies/alerts/preferences.ts)
// in a direct room the person shares with their authority's bridge, so the
// homeserver never reads the address. They come through the sync like any
// event; this sink wrapper picks them out of each batch and hands them to
// the register with it, in the same transaction as the sync position (a
// crash neither loses nor doubles one). A setting is taken only as its
// sender's own, when it counts by the trust rule (policies/trust: encrypted,
// from a device its owner cross-signed), from one of this authority's
// people, and newer than the one held (preferenceVerdict); anything else is
// logged "not taken" with its reason. The log names the event and the
// sender, never the address.
import { isAlertPreferences, preferenceVerdict } from '../../policies/alerts/index.ts';
import type { BatchSink } from '../matrix/sink.ts';
import { pickingSink } from './picking-sink.ts';
import type { AlertPreferenceRow, IngestedEvent } from '../register/index.ts';

export interface PreferenceIntakeOptions {
	/** The Matrix IDs of this authority's people (its people file). */
	readonly people: ReadonlySet<string>;
	/** The version of the setting the register holds for the person. */
	readonly versionOf: (userId: string) => number | undefined;
	readonly log: (line: string) => void;
}

/** The settings among a batch's events that the bridge takes, in order; a later one of the batch over an earlier. */
export function pickPreferences(events: readonly IngestedEvent[], options: PreferenceIntakeOptions): AlertPreferenceRow[] {
	const taken = new Map<string, AlertPreferenceRow>();
	for (const event of events) {
		if (!isAlertPreferences(event.content)) continue;
		const held = taken.get(event.sender)?.version ?? options.versionOf(event.sender);
		const verdict = preferenceVerdict(event, options.people, held);
		if (!verdict.take) {
			options.log(`alerts: ${event.eventId} from ${event.sender}: alert setting not taken: ${verdict.reason}`);
			continue;
		}
		const { version, email, off } = verdict.preferences;
		taken.set(verdict.user, { userId: verdict.user, version, email, off, eventId: event.eventId, sentAt: event.originServerTs });
		options.log(
			`alerts: ${event.eventId} from ${event.sender}: alert setting taken (version ${version}, ${email === null ? 'the people file’s address' : 'their own address'}${off.length === 0 ? '' : `, off: ${off.join(', ')}`})`,
		);
	}
	return [...taken.values()];
}

/** The sink, handing each batch's alert settings to the register with the batch. */
export function preferencesSink(sink: BatchSink, options: PreferenceIntakeOptions): BatchSink {
	return pickingSink(sink, 'alertPreferences', (events, log) => pickPreferences(events, { ...options, log }), options.log);
}
