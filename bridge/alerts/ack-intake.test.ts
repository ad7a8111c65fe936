import { describe, expect, it } from 'vitest';
import { buildAlertAckContent } from '../../policies/alerts/index.ts';
import { judgeArrival } from '../../policies/trust/index.ts';
import type { Batch } from '../matrix/sink.ts';
import type { IngestedEvent } from '../register/index.ts';
import { alertAcksSink, pickAlertAcks } from './ack-intake.ts';

const T = Date.UTC(2026, 11, 5, 2);
const EVA = '@eva.mendez:mp.gt.example';
const PEOPLE = new Set([EVA]);
const ALERT = '$pres:mp.gt.example#1796400000000';
const COUNTS = { counts: true, verification: 'cross-signed' } as const;

const event = (id: string, over: Partial<IngestedEvent> = {}): IngestedEvent => ({
	room: '!case:mp.gt.example',
	eventId: id,
	sender: EVA,
	originServerTs: T,
	content: buildAlertAckContent(ALERT),
	trust: COUNTS,
	...over,
});

function pick(events: IngestedEvent[]) {
	const lines: string[] = [];
	const rows = pickAlertAcks(events, { people: PEOPLE, log: (l) => lines.push(l) });
	return { rows, lines };
}

describe('the acknowledgements of alerts the bridge takes from a batch', () => {
	it('takes one of its people’s, naming the alert, the room and when', () => {
		const { rows, lines } = pick([event('$1')]);
		expect(rows).toEqual([{ alertId: ALERT, room: '!case:mp.gt.example', userId: EVA, eventId: '$1', at: T }]);
		expect(lines).toEqual([`alerts: $1 from ${EVA}: acknowledges ${ALERT}`]);
	});

	it('refuses one sent in the clear with a member’s token, one from an unsigned device, one from the other authority', () => {
		const clear = judgeArrival({ encrypted: false, roomEncrypted: true });
		const unsigned = judgeArrival({
			encrypted: true,
			roomEncrypted: true,
			shield: 'unsigned-device',
			identityChanged: false,
			senderVerified: false,
		});
		const { rows, lines } = pick([
			event('$clear', { trust: clear }),
			event('$unsigned', { trust: unsigned }),
			event('$other', { sender: '@amina.bello:ca.ng.example' }),
		]);
		expect(rows).toEqual([]);
		expect(lines[0]).toMatch(/^alerts: \$clear from .*: acknowledgement not taken: sent in the clear/);
		expect(lines[1]).toMatch(/^alerts: \$unsigned from .*: acknowledgement not taken: sent from a device its owner has not cross-signed/);
		expect(lines[2]).toBe(
			'alerts: $other from @amina.bello:ca.ng.example: acknowledgement not taken: the sender is not one of this authority’s people',
		);
	});

	it('passes over chat and case events, and logs a malformed acknowledgement as not taken', () => {
		const { rows, lines } = pick([
			event('$chat', { content: { msgtype: 'm.text', body: 'hola' } }),
			event('$bad', { content: { 'org.rogatory.alert_ack': { v: 1 } } }),
		]);
		expect(rows).toEqual([]);
		expect(lines).toEqual([`alerts: $bad from ${EVA}: acknowledgement not taken: not a well-formed alert acknowledgement`]);
	});

	it('hands a batch on as it is when it brings none, else with the acknowledgements', () => {
		const committed: Batch[] = [];
		const sink = alertAcksSink(
			{ load: () => undefined, commit: (b) => (committed.push(b), { ok: true, value: undefined }) },
			{ people: PEOPLE, log: () => undefined },
		);
		const plain: Batch = {
			events: [],
			invitations: [],
			undecryptable: [],
			checkpoint: { syncToken: 's', store: new Uint8Array([1]) },
		};
		expect(sink.commit(plain).ok).toBe(true);
		expect(sink.commit({ ...plain, events: [event('$1')] }).ok).toBe(true);
		expect(committed[0]).toBe(plain);
		expect(committed[1]).toMatchObject({ alertAcks: [{ alertId: ALERT, eventId: '$1' }] });
	});

	it('says it took one only once the register kept the batch', () => {
		const lines: string[] = [];
		let fail = true;
		const sink = alertAcksSink(
			{ load: () => undefined, commit: () => (fail ? { ok: false, error: 'disk full' } : { ok: true, value: undefined }) },
			{ people: PEOPLE, log: (l) => lines.push(l) },
		);
		const batch: Batch = {
			events: [event('$1')],
			invitations: [],
			undecryptable: [],
			checkpoint: { syncToken: 's', store: new Uint8Array([1]) },
		};
		expect(sink.commit(batch).ok).toBe(false);
		expect(lines).toEqual([]);
		fail = false;
		expect(sink.commit(batch).ok).toBe(true);
		expect(lines).toEqual([`alerts: $1 from ${EVA}: acknowledges ${ALERT}`]);
	});
});
