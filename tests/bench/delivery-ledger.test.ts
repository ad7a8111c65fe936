import { describe, expect, it } from 'vitest';
import { DeliveryLedger, deliveredPerSecond } from './delivery-ledger.ts';

describe('the delivery ledger of a load bench', () => {
	it('pairs each send with its decryption: delivered, latencies in send order, the span', () => {
		const ledger = new DeliveryLedger();
		ledger.sent({ eventId: '$b', body: 'two', at: 1500 });
		ledger.sent({ eventId: '$a', body: 'one', at: 1000 });
		ledger.received({ eventId: '$b', body: 'two', at: 1700 });
		ledger.received({ eventId: '$a', body: 'one', at: 3000 });
		const summary = ledger.summary();
		expect(summary).toMatchObject({
			sent: 2,
			delivered: 2,
			lost: [],
			duplicated: [],
			unexpected: [],
			firstSentAt: 1000,
			lastDeliveredAt: 3000,
		});
		expect(summary.latenciesMs).toEqual([2000, 200]);
		expect(deliveredPerSecond(summary)).toBe(1);
	});

	it('counts an event seen twice (timeline and decryption) once, at its first sighting', () => {
		const ledger = new DeliveryLedger();
		ledger.sent({ eventId: '$a', body: 'one', at: 0 });
		ledger.received({ eventId: '$a', body: 'one', at: 40 });
		ledger.received({ eventId: '$a', body: 'one', at: 90 });
		expect(ledger.summary()).toMatchObject({ delivered: 1, latenciesMs: [40], duplicated: [] });
	});

	it('names what was sent and never decrypted as lost', () => {
		const ledger = new DeliveryLedger();
		ledger.sent({ eventId: '$a', body: 'one', at: 0 });
		ledger.sent({ eventId: '$b', body: 'two', at: 10 });
		ledger.received({ eventId: '$a', body: 'one', at: 50 });
		expect(ledger.summary()).toMatchObject({ sent: 2, delivered: 1, lost: ['$b'] });
	});

	it('names a body decrypted under two event ids as duplicated, and an event nobody sent as unexpected', () => {
		const ledger = new DeliveryLedger();
		ledger.sent({ eventId: '$a', body: 'one', at: 0 });
		ledger.received({ eventId: '$a', body: 'one', at: 50 });
		ledger.received({ eventId: '$a2', body: 'one', at: 60 });
		const summary = ledger.summary();
		expect(summary.duplicated).toEqual(['one']);
		expect(summary.unexpected).toEqual(['$a2']);
		expect(summary.delivered).toBe(1);
	});

	it('does not count an event whose decrypted body is not the one sent as delivered', () => {
		const ledger = new DeliveryLedger();
		ledger.sent({ eventId: '$a', body: 'one', at: 0 });
		ledger.received({ eventId: '$a', body: 'other', at: 50 });
		expect(ledger.summary()).toMatchObject({ delivered: 0, lost: ['$a'], unexpected: ['$a'] });
	});

	it('keeps separate books for the messages a filter picks (one direction)', () => {
		const ledger = new DeliveryLedger();
		ledger.sent({ eventId: '$out', body: 'out 1', at: 0 });
		ledger.sent({ eventId: '$in', body: 'in 1', at: 0 });
		ledger.received({ eventId: '$out', body: 'out 1', at: 30 });
		ledger.received({ eventId: '$stray', body: 'in 9', at: 40 });
		expect(ledger.summary((b) => b.startsWith('out '))).toMatchObject({
			sent: 1,
			delivered: 1,
			lost: [],
			unexpected: [],
			latenciesMs: [30],
		});
		expect(ledger.summary((b) => b.startsWith('in '))).toMatchObject({ sent: 1, delivered: 0, lost: ['$in'], unexpected: ['$stray'] });
	});

	it('has no rate and no span without deliveries', () => {
		const summary = new DeliveryLedger().summary();
		expect(summary.firstSentAt).toBeNaN();
		expect(summary.lastDeliveredAt).toBeNaN();
		expect(deliveredPerSecond(summary)).toBe(0);
	});
});
