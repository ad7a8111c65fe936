// Builds a witness event's content (witness.ts): the head under WITNESS_KEY
// and a readable body for stock clients, as an `m.notice` (an automated
// notice: no notification, never answered). The head is checked as the
// secretariat's reader will check it, so the bridge never sends what the
// witness room would refuse.
import { ok, type Result } from '../result.ts';
import type { ReportRefusal } from './refusal.ts';
import { WITNESS_KEY, witnessBody, witnessPayload, type WitnessHead } from './witness.ts';
import { checkWitnessHead } from './witness-parse.ts';

/** The `m.room.message` content that carries `head`, or why the head cannot be sent. */
export function buildWitnessContent(head: WitnessHead): Result<Record<string, unknown>, ReportRefusal> {
	const payload = witnessPayload(head);
	const checked = checkWitnessHead(payload, WITNESS_KEY);
	if (!checked.ok) return checked;
	return ok({ msgtype: 'm.notice', body: witnessBody(checked.value), 'm.mentions': {}, [WITNESS_KEY]: payload });
}
