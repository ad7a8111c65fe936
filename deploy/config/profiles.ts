// The local profiles. Each has its own loopback /24 and ports, so tests and
// benches never collide with a running `npm start`, and each homeserver
// of a profile has its own address, because m.room.server_acl ignores ports
// (ARCHITECTURE.md, decision 6).
// `other` runs a second deployment, from other roster and site files, beside
// the test federation (tests/integration/fourth-network.test.ts); `fanout`
// one network at its real size, from a bench roster file, beside the bench
// federation (tests/bench/plenary-fanout.ts); `admission` three homeservers
// whose rosters change while they run (tests/integration/admission.test.ts);
// `peers` the development homeservers the local production run of one
// authority federates with (deploy/production/local/), without that
// authority's own, which is the production run.
export type ProfileName = 'start' | 'test' | 'bench' | 'other' | 'fanout' | 'admission' | 'peers';

export interface Profile {
	readonly name: ProfileName;
	/** The first three octets; homeservers get `<subnet>.<n>`. */
	readonly subnet: string;
	readonly clientPort: number;
	readonly federationPort: number;
	/** Whether the outsider homeserver runs beside the roster's (false: the roster's homeservers alone). */
	readonly outsider: boolean;
}

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
	start: { name: 'start', subnet: '127.0.10', clientPort: 18008, federationPort: 18448, outsider: true },
	test: { name: 'test', subnet: '127.0.20', clientPort: 28008, federationPort: 28448, outsider: true },
	bench: { name: 'bench', subnet: '127.0.30', clientPort: 38008, federationPort: 38448, outsider: true },
	other: { name: 'other', subnet: '127.0.40', clientPort: 48008, federationPort: 48448, outsider: true },
	fanout: { name: 'fanout', subnet: '127.0.50', clientPort: 58008, federationPort: 58448, outsider: false },
	admission: { name: 'admission', subnet: '127.0.60', clientPort: 26008, federationPort: 26448, outsider: false },
	peers: { name: 'peers', subnet: '127.0.80', clientPort: 27008, federationPort: 27448, outsider: false },
};

export function isProfileName(value: string): value is ProfileName {
	return Object.hasOwn(PROFILES, value);
}

/** The homeserver of no network: an ordinary open Matrix server somewhere in the world. */
export const OUTSIDER_ID = 'outsider';

/**
 * Host octets: members get 1…200 (kept once given, see addresses.ts); the
 * outsider a fixed one far from them; the rest (201–249, 251–254) is left for
 * tests' extra servers (a fake peer with a rogue certificate, say).
 */
export const MAX_MEMBER_OCTET = 200;
export const OUTSIDER_OCTET = 250;
