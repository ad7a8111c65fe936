// The crime taxonomy of DOMAIN.md as data: an open list a network may extend
// (extendTaxonomy) without code changes. Codes are stable; labels are in the
// five product languages. A sub-type's code is its parent's code, a dot, and
// its own name ("cybercrime.sextortion").
import { offence, type OffenceCode } from '../ids/codes.ts';
import type { Labels } from '../i18n/labels.ts';

export interface Offence {
	readonly code: OffenceCode;
	readonly labels: Labels;
}

const o = (code: string, en: string, es: string, fr: string, pt: string, ru: string): Offence => ({
	code: offence(code),
	labels: { en, es, fr, pt, ru },
});

export const TAXONOMY: readonly Offence[] = [
	o('corruption', 'Corruption', 'Corrupción', 'Corruption', 'Corrupção', 'Коррупция'),
	o('counterfeiting', 'Counterfeiting', 'Falsificación de productos', 'Contrefaçon', 'Contrafação', 'Контрафакция'),
	o(
		'fraudulent-medicines',
		'Fraudulent medicines',
		'Medicamentos fraudulentos',
		'Médicaments frauduleux',
		'Medicamentos fraudulentos',
		'Фальсифицированные лекарственные средства',
	),
	o('cybercrime', 'Cybercrime', 'Ciberdelito', 'Cybercriminalité', 'Cibercrime', 'Киберпреступность'),
	o('cybercrime.illegal-access', 'Illegal access', 'Acceso ilícito', 'Accès illégal', 'Acesso ilegítimo', 'Неправомерный доступ'),
	o(
		'cybercrime.computer-fraud',
		'Computer-related fraud',
		'Fraude informático',
		'Fraude informatique',
		'Burla informática',
		'Компьютерное мошенничество',
	),
	o('cybercrime.botnets', 'Botnets', 'Redes de bots (botnets)', 'Réseaux de zombies (botnets)', 'Redes de bots (botnets)', 'Ботнеты'),
	o(
		'cybercrime.csam',
		'Child sexual abuse material',
		'Material de abuso sexual infantil',
		'Matériel d’abus sexuels sur enfants',
		'Material de abuso sexual de crianças',
		'Материалы сексуального насилия над детьми',
	),
	o('cybercrime.sextortion', 'Sextortion', 'Sextorsión', 'Sextorsion', 'Sextorsão', 'Сексуальное вымогательство'),
	o(
		'cybercrime.grooming',
		'Grooming',
		'Captación de menores en línea (grooming)',
		'Pédopiégeage',
		'Aliciamento de menores em linha (grooming)',
		'Груминг (склонение несовершеннолетних в сети)',
	),
	o('drug-trafficking', 'Drug trafficking', 'Tráfico de drogas', 'Trafic de drogues', 'Tráfico de droga', 'Незаконный оборот наркотиков'),
	o(
		'money-laundering',
		'Money-laundering',
		'Blanqueo de dinero',
		'Blanchiment d’argent',
		'Branqueamento de capitais',
		'Отмывание денежных средств',
	),
	o(
		'money-laundering.virtual-assets',
		'Money-laundering through virtual assets',
		'Blanqueo de dinero mediante activos virtuales',
		'Blanchiment d’argent au moyen d’actifs virtuels',
		'Branqueamento de capitais através de ativos virtuais',
		'Отмывание денежных средств с использованием виртуальных активов',
	),
	o(
		'obstruction-of-justice',
		'Obstruction of justice',
		'Obstrucción de la justicia',
		'Entrave au bon fonctionnement de la justice',
		'Obstrução à justiça',
		'Воспрепятствование осуществлению правосудия',
	),
	o(
		'organized-criminal-group',
		'Participation in an organized criminal group',
		'Participación en un grupo delictivo organizado',
		'Participation à un groupe criminel organisé',
		'Participação num grupo criminoso organizado',
		'Участие в организованной преступной группе',
	),
	o('maritime-piracy', 'Maritime piracy', 'Piratería marítima', 'Piraterie maritime', 'Pirataria marítima', 'Морское пиратство'),
	o(
		'migrant-smuggling',
		'Smuggling of migrants',
		'Tráfico ilícito de migrantes',
		'Trafic illicite de migrants',
		'Tráfico ilícito de migrantes',
		'Незаконный ввоз мигрантов',
	),
	o(
		'trafficking-in-persons',
		'Trafficking in persons',
		'Trata de personas',
		'Traite des personnes',
		'Tráfico de pessoas',
		'Торговля людьми',
	),
	o(
		'trafficking-in-persons.organ-removal',
		'Trafficking in persons for organ removal',
		'Trata de personas con fines de extracción de órganos',
		'Traite des personnes aux fins de prélèvement d’organes',
		'Tráfico de pessoas para remoção de órgãos',
		'Торговля людьми в целях изъятия органов',
	),
	o(
		'firearms-trafficking',
		'Firearms trafficking',
		'Tráfico ilícito de armas de fuego',
		'Trafic d’armes à feu',
		'Tráfico de armas de fogo',
		'Незаконный оборот огнестрельного оружия',
	),
	o(
		'cultural-property',
		'Trafficking in cultural property',
		'Tráfico de bienes culturales',
		'Trafic de biens culturels',
		'Tráfico de bens culturais',
		'Незаконный оборот культурных ценностей',
	),
	o(
		'wildlife-forest-fisheries',
		'Wildlife, forest and fisheries crime',
		'Delitos contra la vida silvestre, forestales y pesqueros',
		'Criminalité liée aux espèces sauvages, aux forêts et à la pêche',
		'Crimes contra a vida selvagem, florestais e de pesca',
		'Преступления против дикой природы, лесов и рыбных ресурсов',
	),
	o(
		'environmental-crime',
		'Other environmental crime (waste, ozone-depleting substances)',
		'Otros delitos ambientales (residuos, sustancias que agotan la capa de ozono)',
		'Autres atteintes à l’environnement (déchets, substances appauvrissant la couche d’ozone)',
		'Outros crimes ambientais (resíduos, substâncias que empobrecem a camada de ozono)',
		'Иные экологические преступления (отходы, озоноразрушающие вещества)',
	),
	o(
		'identity-crime',
		'Identity-related crime',
		'Delitos relacionados con la identidad',
		'Infractions liées à l’identité',
		'Crimes relacionados com a identidade',
		'Преступления, связанные с использованием личных данных',
	),
	o('kidnapping', 'Kidnapping', 'Secuestro', 'Enlèvement', 'Rapto', 'Похищение людей'),
	o(
		'match-fixing',
		'Match-fixing and illegal betting',
		'Amaño de partidos y apuestas ilegales',
		'Matchs truqués et paris illégaux',
		'Manipulação de resultados e apostas ilegais',
		'Договорные матчи и незаконные ставки',
	),
	o(
		'precious-metals-smuggling',
		'Smuggling of precious metals',
		'Contrabando de metales preciosos',
		'Contrebande de métaux précieux',
		'Contrabando de metais preciosos',
		'Контрабанда драгоценных металлов',
	),
	o(
		'cigarette-smuggling',
		'Cigarette smuggling',
		'Contrabando de cigarrillos',
		'Contrebande de cigarettes',
		'Contrabando de cigarros',
		'Контрабанда сигарет',
	),
];

/** The taxonomy with a network's own offences added (or relabelled, when a code is reused). */
export function extendTaxonomy(base: readonly Offence[], extra: readonly Offence[]): readonly Offence[] {
	const codes = new Set(extra.map((e) => e.code));
	return [...base.filter((b) => !codes.has(b.code)), ...extra];
}

/** The parent of a sub-type ("cybercrime" for "cybercrime.sextortion"), if any. */
export function parentOffence(code: OffenceCode): OffenceCode | undefined {
	const dot = code.lastIndexOf('.');
	return dot < 0 ? undefined : (code.slice(0, dot) as OffenceCode);
}
