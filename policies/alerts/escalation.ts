// Who is told, and when, about an alert nobody at the authority has
// acknowledged (issue 16): an urgent request, or a preservation lapsing
// within 48 hours. The chain at the alert's time: the 24/7 focal points on
// call then (their rota period holds the instant), then the next on duty
// (the soonest rota period to start), then the authority's central-authority
// officers, all at once, as the last step. Step k goes `ackWithinMinutes`
// after step k−1 went (after the alert for the first), so a late step — the
// bridge was down — never brings the next one forward. The steps already
// taken are the register's (logged with their time), so the same inputs give
// the same next step after a restart: none is skipped or repeated. An
// acknowledgement (the case opened, or "I have it") ends it for everyone.
// Pure: the caller gives the instant.

export interface RotaPeriod {
	/** Milliseconds since 1970. */
	readonly from: number;
	readonly to: number;
}

export interface FocalPoint {
	/** The person's Matrix ID. */
	readonly userId: string;
	readonly rota: readonly RotaPeriod[];
}

export interface EscalationSettings {
	/** How long a step waits for an acknowledgement before the next goes. */
	readonly ackWithinMinutes: number;
}

/** One step of the chain: who is told. The last step tells every officer at once. */
export interface ChainStep {
	readonly to: readonly string[];
	readonly as: 'on-call' | 'next-on-duty' | 'officers';
}

/** A step the register holds: its index in the chain, and when it went. */
export interface TakenStep {
	readonly index: number;
	readonly at: number;
}

export type Next =
	| { readonly kind: 'acknowledged' }
	| { readonly kind: 'exhausted' }
	| { readonly kind: 'due'; readonly index: number; readonly step: ChainStep; readonly at: number };

const period = (p: RotaPeriod, at: number): boolean => p.from <= at && at < p.to;

/** The chain for an alert raised at `at`: on call (by the start of their period), next on duty, then the officers. */
export function escalationChain(points: readonly FocalPoint[], officers: readonly string[], at: number): ChainStep[] {
	const onCall = points
		.map((p) => ({ userId: p.userId, since: Math.min(...p.rota.filter((r) => period(r, at)).map((r) => r.from)) }))
		.filter((p) => Number.isFinite(p.since))
		.sort((a, b) => a.since - b.since || a.userId.localeCompare(b.userId));
	const told = new Set(onCall.map((p) => p.userId));
	const next = points
		.filter((p) => !told.has(p.userId))
		.map((p) => ({ userId: p.userId, starts: Math.min(...p.rota.filter((r) => r.from > at).map((r) => r.from)) }))
		.filter((p) => Number.isFinite(p.starts))
		.sort((a, b) => a.starts - b.starts || a.userId.localeCompare(b.userId));
	const chain: ChainStep[] = [
		...onCall.map((p): ChainStep => ({ to: [p.userId], as: 'on-call' })),
		...next.map((p): ChainStep => ({ to: [p.userId], as: 'next-on-duty' })),
	];
	const lastly = [...new Set(officers)].sort();
	if (lastly.length > 0) chain.push({ to: lastly, as: 'officers' });
	return chain;
}

/** The next step for an alert raised at `raisedAt`, given the steps taken (any order) and whether someone acknowledged it. */
export function nextStep(
	chain: readonly ChainStep[],
	taken: readonly TakenStep[],
	acknowledged: boolean,
	raisedAt: number,
	settings: EscalationSettings,
): Next {
	if (acknowledged) return { kind: 'acknowledged' };
	const index = taken.reduce((n, t) => Math.max(n, t.index + 1), 0);
	const step = chain[index];
	if (step === undefined) return { kind: 'exhausted' };
	const previous = taken.find((t) => t.index === index - 1);
	const at = index === 0 ? raisedAt : (previous?.at ?? raisedAt) + settings.ackWithinMinutes * 60_000;
	return { kind: 'due', index, step, at };
}
