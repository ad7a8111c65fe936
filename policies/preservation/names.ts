// The built-in rules in words, in the five product languages: each rule's
// name (its instrument, article and, where one instrument has several, what
// the clock is for) and whose law sets its clock. The rule table keeps the
// instrument's English wording as the record of what was checked (rules.ts);
// a page shows these. A national rule added as data has no translation and
// is shown as its authors wrote it.
import type { Labels } from '../cases/i18n/labels.ts';
import type { Language } from '../roster/types.ts';
import type { PreservationRule } from './types.ts';

const l = (en: string, es: string, fr: string, pt: string, ru: string): Labels => ({ en, es, fr, pt, ru });

const REQUESTED_PARTY = l(
	'the requested Party, where the data are preserved',
	'la Parte requerida, donde se conservan los datos',
	'la Partie requise, où les données sont conservées',
	'a Parte requerida, onde os dados são conservados',
	'запрашиваемая Сторона, где сохраняются данные',
);

const EXECUTING_STATE = l(
	'the executing State; Central European Time unless named',
	'el Estado de ejecución; hora de Europa Central salvo que se indique otra',
	'l’État d’exécution ; heure d’Europe centrale sauf indication contraire',
	'o Estado de execução; hora da Europa Central salvo indicação em contrário',
	'государство исполнения; центральноевропейское время, если не указано иное',
);

const EIO = l(
	'European Investigation Order (Directive 2014/41/EU)',
	'Orden europea de investigación (Directiva 2014/41/UE)',
	'Décision d’enquête européenne (directive 2014/41/UE)',
	'Decisão europeia de investigação (Diretiva 2014/41/UE)',
	'Европейский следственный ордер (Директива 2014/41/ЕС)',
);

const ARTICLE = l('art.', 'art.', 'art.', 'art.', 'ст.');

/** `Instrument, art. N: purpose` in each language. */
function named(instrument: Labels, article: string, purpose?: Labels): Labels {
	const one = (lang: Language) =>
		`${instrument[lang]}, ${ARTICLE[lang]} ${article}${purpose === undefined ? '' : `${lang === 'fr' ? '\u00a0: ' : ': '}${purpose[lang]}`}`;
	return l(one('en'), one('es'), one('fr'), one('pt'), one('ru'));
}

export interface RuleWords {
	readonly name: Labels;
	/** Whose law sets the clock, as the zone hint says it. */
	readonly law: Labels;
}

export const RULE_WORDS: Readonly<Record<string, RuleWords>> = {
	'budapest-29': {
		name: named(
			l(
				'Budapest Convention on Cybercrime',
				'Convenio de Budapest sobre la Ciberdelincuencia',
				'Convention de Budapest sur la cybercriminalité',
				'Convenção de Budapeste sobre o Cibercrime',
				'Будапештская конвенция о киберпреступности',
			),
			'29(7)',
		),
		law: REQUESTED_PARTY,
	},
	'un-cybercrime-2024': {
		name: named(
			l(
				'UN Convention against Cybercrime',
				'Convención de las Naciones Unidas contra la Ciberdelincuencia',
				'Convention des Nations Unies contre la cybercriminalité',
				'Convenção das Nações Unidas contra o Cibercrime',
				'Конвенция ООН против киберпреступности',
			),
			'42',
		),
		law: REQUESTED_PARTY,
	},
	'us-2703f': {
		name: l(
			'United States, 18 U.S.C. § 2703(f)(2)',
			'Estados Unidos, 18 U.S.C. § 2703(f)(2)',
			'États-Unis, 18 U.S.C. § 2703(f)(2)',
			'Estados Unidos, 18 U.S.C. § 2703(f)(2)',
			'США, 18 U.S.C. § 2703(f)(2)',
		),
		law: l(
			'United States federal law; Eastern Time unless the provider’s zone is named',
			'derecho federal de los Estados Unidos; hora del Este salvo que se indique la zona del proveedor',
			'droit fédéral des États-Unis ; heure de l’Est sauf si le fuseau du fournisseur est indiqué',
			'direito federal dos Estados Unidos; hora do Leste salvo indicação do fuso do fornecedor',
			'федеральное право США; восточное время, если не указан часовой пояс поставщика',
		),
	},
	'eu-2023-1543-epoc-pr': {
		name: named(
			l(
				'European Preservation Order (Regulation (EU) 2023/1543)',
				'Orden europea de conservación (Reglamento (UE) 2023/1543)',
				'Injonction européenne de conservation (règlement (UE) 2023/1543)',
				'Ordem europeia de conservação (Regulamento (UE) 2023/1543)',
				'Европейский приказ о сохранении (Регламент (ЕС) 2023/1543)',
			),
			'11(1)',
		),
		law: l(
			'the Member State where the addressee receives the order; Central European Time unless named',
			'el Estado miembro donde el destinatario recibe la orden; hora de Europa Central salvo que se indique otra',
			'l’État membre où le destinataire reçoit l’injonction ; heure d’Europe centrale sauf indication contraire',
			'o Estado-Membro onde o destinatário recebe a ordem; hora da Europa Central salvo indicação em contrário',
			'государство — член ЕС, где адресат получает приказ; центральноевропейское время, если не указано иное',
		),
	},
	malabo: {
		name: named(
			l(
				'Malabo Convention (African Union)',
				'Convenio de Malabo (Unión Africana)',
				'Convention de Malabo (Union africaine)',
				'Convenção de Malabo (União Africana)',
				'Конвенция Малабо (Африканский союз)',
			),
			'31(3)(d)',
		),
		law: l(
			'the State Party whose investigating judge orders the preservation',
			'el Estado Parte cuyo juez de instrucción ordena la conservación',
			'l’État partie dont le juge d’instruction ordonne la conservation',
			'o Estado Parte cujo juiz de instrução ordena a conservação',
			'государство-участник, следственный судья которого распорядился о сохранении',
		),
	},
	'extradition-provisional-arrest-18-40': {
		name: named(
			l(
				'European Convention on Extradition',
				'Convenio Europeo de Extradición',
				'Convention européenne d’extradition',
				'Convenção Europeia de Extradição',
				'Европейская конвенция о выдаче',
			),
			'16(4)',
			l('provisional arrest', 'detención preventiva', 'arrestation provisoire', 'detenção provisória', 'временный арест'),
		),
		law: l(
			'the requested Party, where the person is arrested',
			'la Parte requerida, donde se detiene a la persona',
			'la Partie requise, où la personne est arrêtée',
			'a Parte requerida, onde a pessoa é detida',
			'запрашиваемая Сторона, где арестовано лицо',
		),
	},
	'eu-eio-2014-41-acknowledge': {
		name: named(
			EIO,
			'16(1)',
			l('acknowledgement of receipt', 'acuse de recibo', 'accusé de réception', 'aviso de receção', 'подтверждение получения'),
		),
		law: EXECUTING_STATE,
	},
	'eu-eio-2014-41-recognition': {
		name: named(
			EIO,
			'12(3)',
			l(
				'decision on recognition',
				'decisión sobre el reconocimiento',
				'décision sur la reconnaissance',
				'decisão sobre o reconhecimento',
				'решение о признании',
			),
		),
		law: EXECUTING_STATE,
	},
	'eu-eio-2014-41-execution': {
		name: named(EIO, '12(4)', l('execution', 'ejecución', 'exécution', 'execução', 'исполнение')),
		law: EXECUTING_STATE,
	},
};

/** A rule's name in `language`; a rule without a translation (a national one) by its instrument and citation. */
export function ruleName(rule: Pick<PreservationRule, 'id' | 'instrument' | 'citation'>, language: Language): string {
	return Object.hasOwn(RULE_WORDS, rule.id) ? (RULE_WORDS[rule.id]?.name[language] ?? rule.id) : `${rule.instrument}, ${rule.citation}`;
}

/** A rule named by id (and citation, when known) only, as a preservation record or event carries it. */
export function ruleNameById(id: string, citation: string | undefined, language: Language): string {
	if (Object.hasOwn(RULE_WORDS, id)) return RULE_WORDS[id]?.name[language] ?? id;
	return citation === undefined || citation === '' ? id : `${id} — ${citation}`;
}

/** Whose law sets the rule's clock, in `language`; a national rule's as written. */
export function ruleLaw(rule: Pick<PreservationRule, 'id' | 'zone'>, language: Language): string {
	return Object.hasOwn(RULE_WORDS, rule.id) ? (RULE_WORDS[rule.id]?.law[language] ?? rule.zone.law) : rule.zone.law;
}
