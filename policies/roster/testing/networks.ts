// The three prosecutor networks of the demo roster (testing/demo.ts), as
// DOMAIN.md describes them; deploy/roster/default.yaml is what runs.
// Working languages are the ones the network's plenaries and documents use.
import type { AuthorityId, Network, NetworkId } from '../types.ts';

const id = (value: string) => value as NetworkId;
// NOTE: each secretariat's service account on the demo authority of its network (testing/demo.ts), as in deploy/roster/default.yaml.
const host = (value: string) => value as AuthorityId;

export const REFCO: Network = {
	id: id('REFCO'),
	name: 'Network of Prosecutors against Organized Crime',
	region: 'Central America',
	languages: ['es', 'en'],
	secretariatHost: host('gt-mp'),
};

export const WACAP: Network = {
	id: id('WACAP'),
	name: 'West African Network of Central Authorities and Prosecutors',
	region: 'West Africa',
	languages: ['en', 'fr', 'pt'],
	secretariatHost: host('ng-ca'),
};

export const CASC: Network = {
	id: id('CASC'),
	name: 'Network of Prosecutors and Central Authorities from Source, Transit and Destination Countries in response to Transnational Organized Crime in Central Asia and the Southern Caucasus',
	region: 'Central Asia and the Southern Caucasus',
	languages: ['ru', 'en'],
	secretariatHost: host('kz-gpo'),
};

export const NETWORKS: readonly Network[] = [REFCO, WACAP, CASC];
