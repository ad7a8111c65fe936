// Length caps on everything a case event carries. Events come from other
// homeservers' users; the parser refuses anything longer instead of carrying
// megabytes into the fold, the UI and the register.
// NOTE: a whole Matrix event is capped at 65,536 bytes (spec: "Size limits"),
// so no single field here needs more.

export const LIMITS = {
	body: 60_000,
	title: 200,
	reason: 2_000,
	note: 20_000,
	citation: 300,
	offences: 50,
	/** Fields named in one amendment. */
	changes: 16,
} as const;
