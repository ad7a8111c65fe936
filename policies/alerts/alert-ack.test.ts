import { describe, expect, it } from 'vitest';
import { ALERT_ACK_KEY, alertAckVerdict, alertAcksOf, buildAlertAckContent, isAlertAck, parseAlertAck } from './alert-ack.ts';

const ALERT = '$preservation-request:mp.gt.example#1796400000000';
const PEOPLE = new Set(['@eva:mp.gt.example']);
const counted = { counts: true, verification: 'cross-signed' } as const;

describe('an acknowledgement of an alert', () => {
	it('carries the alert’s ID only, and a body naming nothing of the case', () => {
		const content = buildAlertAckContent(ALERT);
		expect(content).toEqual({
			msgtype: 'm.notice',
			body: 'I have it (a Rogatory alert).',
			'm.mentions': {},
			[ALERT_ACK_KEY]: { v: 1, alert: ALERT },
		});
		expect(parseAlertAck(content)).toBe(ALERT);
		expect(isAlertAck(content)).toBe(true);
		expect(isAlertAck({ msgtype: 'm.text', body: 'hola' })).toBe(false);
	});

	it('is read strictly: another version, an empty or overlong ID, a missing key, a non-object are nothing', () => {
		for (const ack of [
			{ v: 2, alert: ALERT },
			{ v: 1, alert: '' },
			{ v: 1, alert: 'x'.repeat(601) },
			{ v: 1 },
			{ v: 1, alert: 7 },
			'ack',
			null,
		])
			expect(parseAlertAck({ [ALERT_ACK_KEY]: ack })).toBeUndefined();
		expect(parseAlertAck(null)).toBeUndefined();
		expect(parseAlertAck({ body: 'x' })).toBeUndefined();
	});

	it('is taken from one of the authority’s people when it counts, and from no one else', () => {
		const content = buildAlertAckContent(ALERT);
		expect(alertAckVerdict({ sender: '@eva:mp.gt.example', content, trust: counted }, PEOPLE)).toEqual({ take: true, alert: ALERT });
		expect(alertAckVerdict({ sender: '@amina:ca.ng.example', content, trust: counted }, PEOPLE)).toEqual({
			take: false,
			reason: 'the sender is not one of this authority’s people',
		});
		const unsigned = { counts: false, code: 'unsigned-device', reason: 'sent from a device its owner has not cross-signed' } as const;
		expect(alertAckVerdict({ sender: '@eva:mp.gt.example', content, trust: unsigned }, PEOPLE)).toEqual({
			take: false,
			reason: 'sent from a device its owner has not cross-signed',
		});
		expect(alertAckVerdict({ sender: '@eva:mp.gt.example', content: { [ALERT_ACK_KEY]: { v: 9 } }, trust: counted }, PEOPLE).take).toBe(
			false,
		);
	});
});

describe('the acknowledgements a case page shows', () => {
	const env = (sender: string, at: number, alert = ALERT, counts = true) => ({
		sender,
		originServerTs: at,
		content: buildAlertAckContent(alert),
		counts,
	});

	it('keeps the first by a person of the reader’s own homeserver for each alert, oldest first', () => {
		const other = '$p2:mp.gt.example#1796500000000';
		expect(
			alertAcksOf(
				[env('@luis:mp.gt.example', 300), env('@eva:mp.gt.example', 200), env('@eva:mp.gt.example', 100, other)],
				'mp.gt.example',
			),
		).toEqual([
			{ alert: other, by: '@eva:mp.gt.example', at: 100 },
			{ alert: ALERT, by: '@eva:mp.gt.example', at: 200 },
		]);
	});

	it('believes no one of another homeserver, nothing that does not count, nothing malformed', () => {
		expect(
			alertAcksOf(
				[
					env('@amina:ca.ng.example', 1),
					env('@eva:mp.gt.example', 2, ALERT, false),
					{ sender: '@eva:mp.gt.example', originServerTs: 3, content: { [ALERT_ACK_KEY]: { v: 1 } }, counts: true },
					env('@eva:mp.gt.example.evil', 4),
				],
				'mp.gt.example',
			),
		).toEqual([]);
	});
});
