// Given names and family names for the generated directory (testing/generated.ts):
// Latin-script pools per language, and Cyrillic ones with their Latin spelling.
export const LATIN_NAMES: Readonly<
	Record<'es' | 'en' | 'fr' | 'pt', { readonly given: readonly string[]; readonly family: readonly string[] }>
> = {
	es: {
		given: ['Ana', 'Lucía', 'José', 'María José', 'Óscar', 'Begoña', 'Ramón', 'Inés', 'Héctor', 'Ximena', 'Raúl', 'Sofía'],
		family: ['López', 'Ramírez', 'Méndez', 'Núñez', 'Pérez', 'Gutiérrez', 'Álvarez', 'Ibáñez', 'Castillo', 'Muñoz', 'Orellana', 'Suárez'],
	},
	en: {
		given: ['Adaeze', 'Kwame', 'Grace', 'Emeka', 'Abena', 'Samuel', 'Ngozi', 'Joseph', 'Efua', 'Tunde', 'Mercy', 'Kofi'],
		family: ['Okafor', 'Mensah', 'Adeyemi', 'Boateng', 'Johnson', 'Nwosu', 'Asante', 'Cooper', 'Owusu', 'Eze', 'Taylor', 'Addo'],
	},
	fr: {
		given: [
			'Aminata',
			'Mamadou',
			'Awa',
			'Ousmane',
			'Fatoumata',
			'Cheikh',
			'Aïssatou',
			'Ibrahima',
			'Mariétou',
			'Moussa',
			'Hélène',
			'Séverin',
		],
		family: ['Diallo', 'Ndiaye', 'Traoré', 'Koné', 'Sow', 'Diop', 'Coulibaly', 'Touré', 'Kéïta', 'Bamba', 'Faye', 'Ouattara'],
	},
	pt: {
		given: ['João', 'Conceição', 'Fátima', 'António', 'Luísa', 'Sebastião', 'Graça', 'Amílcar', 'Inês', 'Tomé', 'Zélia', 'Nuno'],
		family: ['Gonçalves', 'Lopes', 'Tavares', 'Fernandes', 'Sá', 'Monteiro', 'Cabral', 'Vaz', 'Semedo', 'Brandão', 'Correia', 'Fonseca'],
	},
};

/** [Cyrillic, Latin] pairs. */
export const CYRILLIC_NAMES: {
	readonly given: readonly (readonly [string, string])[];
	readonly family: readonly (readonly [string, string])[];
} = {
	given: [
		['Нурлан', 'Nurlan'],
		['Айгуль', 'Aigul'],
		['Тимур', 'Timur'],
		['Зарина', 'Zarina'],
		['Арман', 'Arman'],
		['Гульнара', 'Gulnara'],
		['Фарход', 'Farkhod'],
		['Наргиз', 'Nargiz'],
		['Давид', 'Davit'],
		['Анаит', 'Anahit'],
		['Рустам', 'Rustam'],
		['Ёлкин', 'Yolkin'],
	],
	family: [
		['Ахметов', 'Akhmetov'],
		['Исмаилова', 'Ismailova'],
		['Рахимов', 'Rakhimov'],
		['Саркисян', 'Sargsyan'],
		['Алиев', 'Aliyev'],
		['Джапаридзе', 'Japaridze'],
		['Юсупова', 'Yusupova'],
		['Бекмуратов', 'Bekmuratov'],
		['Каримова', 'Karimova'],
		['Ёлдашев', 'Yoldashev'],
		['Ниязов', 'Niyazov'],
		['Щербакова', 'Shcherbakova'],
	],
};
