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
	names: {
		en: 'Network of Prosecutors against Organized Crime',
		es: 'Red de Fiscales contra el Crimen Organizado',
		fr: 'Réseau des procureurs contre la criminalité organisée',
		pt: 'Rede de Procuradores contra o Crime Organizado',
		ru: 'Сеть прокуроров по борьбе с организованной преступностью',
	},
	region: 'Central America',
	languages: ['es', 'en'],
	secretariatHost: host('gt-mp'),
};

export const WACAP: Network = {
	id: id('WACAP'),
	name: 'West African Network of Central Authorities and Prosecutors',
	names: {
		en: 'West African Network of Central Authorities and Prosecutors',
		es: 'Red de Autoridades Centrales y Fiscales de África Occidental',
		fr: 'Réseau des autorités centrales et des procureurs de l’Afrique de l’Ouest',
		pt: 'Rede de Autoridades Centrais e Procuradores da África Ocidental',
		ru: 'Западноафриканская сеть центральных органов и прокуроров',
	},
	region: 'West Africa',
	languages: ['en', 'fr', 'pt'],
	secretariatHost: host('ng-ca'),
};

export const CASC: Network = {
	id: id('CASC'),
	name: 'Network of Prosecutors and Central Authorities from Source, Transit and Destination Countries in response to Transnational Organized Crime in Central Asia and the Southern Caucasus',
	names: {
		en: 'Network of Prosecutors and Central Authorities from Source, Transit and Destination Countries in response to Transnational Organized Crime in Central Asia and the Southern Caucasus',
		es: 'Red de Fiscales y Autoridades Centrales de los Países de Origen, Tránsito y Destino contra la Delincuencia Organizada Transnacional en Asia Central y el Cáucaso Meridional',
		fr: 'Réseau des procureurs et des autorités centrales des pays d’origine, de transit et de destination contre la criminalité transnationale organisée en Asie centrale et dans le Caucase du Sud',
		pt: 'Rede de Procuradores e Autoridades Centrais dos Países de Origem, Trânsito e Destino contra a Criminalidade Organizada Transnacional na Ásia Central e no Cáucaso do Sul',
		ru: 'Сеть прокуроров и центральных органов стран происхождения, транзита и назначения по противодействию транснациональной организованной преступности в Центральной Азии и на Южном Кавказе',
	},
	region: 'Central Asia and the Southern Caucasus',
	languages: ['ru', 'en'],
	secretariatHost: host('kz-gpo'),
};

export const NETWORKS: readonly Network[] = [REFCO, WACAP, CASC];
