// The names of the 64 SAS emoji (spec: "SAS method: emoji") in the five
// languages, so a person compares "🔑 Llave" with "🔑 Llave", not with an
// English word. matrix-sdk-crypto gives the spec's English name; this table
// is keyed by it. An emoji missing here shows its English name.
import type { Locale } from '../../paraglide/runtime.js';

type Names = Readonly<Record<Exclude<Locale, 'en'>, string>>;

const NAMES: Readonly<Record<string, Names>> = {
	Dog: { es: 'Perro', fr: 'Chien', pt: 'Cão', ru: 'Собака' },
	Cat: { es: 'Gato', fr: 'Chat', pt: 'Gato', ru: 'Кошка' },
	Lion: { es: 'León', fr: 'Lion', pt: 'Leão', ru: 'Лев' },
	Horse: { es: 'Caballo', fr: 'Cheval', pt: 'Cavalo', ru: 'Лошадь' },
	Unicorn: { es: 'Unicornio', fr: 'Licorne', pt: 'Unicórnio', ru: 'Единорог' },
	Pig: { es: 'Cerdo', fr: 'Cochon', pt: 'Porco', ru: 'Свинья' },
	Elephant: { es: 'Elefante', fr: 'Éléphant', pt: 'Elefante', ru: 'Слон' },
	Rabbit: { es: 'Conejo', fr: 'Lapin', pt: 'Coelho', ru: 'Кролик' },
	Panda: { es: 'Panda', fr: 'Panda', pt: 'Panda', ru: 'Панда' },
	Rooster: { es: 'Gallo', fr: 'Coq', pt: 'Galo', ru: 'Петух' },
	Penguin: { es: 'Pingüino', fr: 'Manchot', pt: 'Pinguim', ru: 'Пингвин' },
	Turtle: { es: 'Tortuga', fr: 'Tortue', pt: 'Tartaruga', ru: 'Черепаха' },
	Fish: { es: 'Pez', fr: 'Poisson', pt: 'Peixe', ru: 'Рыба' },
	Octopus: { es: 'Pulpo', fr: 'Pieuvre', pt: 'Polvo', ru: 'Осьминог' },
	Butterfly: { es: 'Mariposa', fr: 'Papillon', pt: 'Borboleta', ru: 'Бабочка' },
	Flower: { es: 'Flor', fr: 'Fleur', pt: 'Flor', ru: 'Цветок' },
	Tree: { es: 'Árbol', fr: 'Arbre', pt: 'Árvore', ru: 'Дерево' },
	Cactus: { es: 'Cactus', fr: 'Cactus', pt: 'Cato', ru: 'Кактус' },
	Mushroom: { es: 'Seta', fr: 'Champignon', pt: 'Cogumelo', ru: 'Гриб' },
	Globe: { es: 'Globo terráqueo', fr: 'Globe', pt: 'Globo', ru: 'Глобус' },
	Moon: { es: 'Luna', fr: 'Lune', pt: 'Lua', ru: 'Луна' },
	Cloud: { es: 'Nube', fr: 'Nuage', pt: 'Nuvem', ru: 'Облако' },
	Fire: { es: 'Fuego', fr: 'Feu', pt: 'Fogo', ru: 'Огонь' },
	Banana: { es: 'Plátano', fr: 'Banane', pt: 'Banana', ru: 'Банан' },
	Apple: { es: 'Manzana', fr: 'Pomme', pt: 'Maçã', ru: 'Яблоко' },
	Strawberry: { es: 'Fresa', fr: 'Fraise', pt: 'Morango', ru: 'Клубника' },
	Corn: { es: 'Maíz', fr: 'Maïs', pt: 'Milho', ru: 'Кукуруза' },
	Pizza: { es: 'Pizza', fr: 'Pizza', pt: 'Piza', ru: 'Пицца' },
	Cake: { es: 'Pastel', fr: 'Gâteau', pt: 'Bolo', ru: 'Торт' },
	Heart: { es: 'Corazón', fr: 'Cœur', pt: 'Coração', ru: 'Сердце' },
	Smiley: { es: 'Sonrisa', fr: 'Sourire', pt: 'Sorriso', ru: 'Улыбка' },
	Robot: { es: 'Robot', fr: 'Robot', pt: 'Robô', ru: 'Робот' },
	Hat: { es: 'Sombrero', fr: 'Chapeau', pt: 'Chapéu', ru: 'Шляпа' },
	Glasses: { es: 'Gafas', fr: 'Lunettes', pt: 'Óculos', ru: 'Очки' },
	Spanner: { es: 'Llave inglesa', fr: 'Clé à molette', pt: 'Chave inglesa', ru: 'Гаечный ключ' },
	Santa: { es: 'Papá Noel', fr: 'Père Noël', pt: 'Pai Natal', ru: 'Санта-Клаус' },
	'Thumbs Up': { es: 'Pulgar arriba', fr: 'Pouce levé', pt: 'Polegar para cima', ru: 'Палец вверх' },
	Umbrella: { es: 'Paraguas', fr: 'Parapluie', pt: 'Guarda-chuva', ru: 'Зонт' },
	Hourglass: { es: 'Reloj de arena', fr: 'Sablier', pt: 'Ampulheta', ru: 'Песочные часы' },
	Clock: { es: 'Reloj', fr: 'Réveil', pt: 'Relógio', ru: 'Часы' },
	Gift: { es: 'Regalo', fr: 'Cadeau', pt: 'Presente', ru: 'Подарок' },
	'Light Bulb': { es: 'Bombilla', fr: 'Ampoule', pt: 'Lâmpada', ru: 'Лампочка' },
	Book: { es: 'Libro', fr: 'Livre', pt: 'Livro', ru: 'Книга' },
	Pencil: { es: 'Lápiz', fr: 'Crayon', pt: 'Lápis', ru: 'Карандаш' },
	Paperclip: { es: 'Clip', fr: 'Trombone', pt: 'Clipe', ru: 'Скрепка' },
	Scissors: { es: 'Tijeras', fr: 'Ciseaux', pt: 'Tesoura', ru: 'Ножницы' },
	Lock: { es: 'Candado', fr: 'Cadenas', pt: 'Cadeado', ru: 'Замок' },
	Key: { es: 'Llave', fr: 'Clé', pt: 'Chave', ru: 'Ключ' },
	Hammer: { es: 'Martillo', fr: 'Marteau', pt: 'Martelo', ru: 'Молоток' },
	Telephone: { es: 'Teléfono', fr: 'Téléphone', pt: 'Telefone', ru: 'Телефон' },
	Flag: { es: 'Bandera', fr: 'Drapeau', pt: 'Bandeira', ru: 'Флаг' },
	Train: { es: 'Tren', fr: 'Train', pt: 'Comboio', ru: 'Поезд' },
	Bicycle: { es: 'Bicicleta', fr: 'Vélo', pt: 'Bicicleta', ru: 'Велосипед' },
	Aeroplane: { es: 'Avión', fr: 'Avion', pt: 'Avião', ru: 'Самолёт' },
	Rocket: { es: 'Cohete', fr: 'Fusée', pt: 'Foguetão', ru: 'Ракета' },
	Trophy: { es: 'Trofeo', fr: 'Trophée', pt: 'Troféu', ru: 'Кубок' },
	Ball: { es: 'Balón', fr: 'Ballon', pt: 'Bola', ru: 'Мяч' },
	Guitar: { es: 'Guitarra', fr: 'Guitare', pt: 'Guitarra', ru: 'Гитара' },
	Trumpet: { es: 'Trompeta', fr: 'Trompette', pt: 'Trompete', ru: 'Труба' },
	Bell: { es: 'Campana', fr: 'Cloche', pt: 'Sino', ru: 'Колокол' },
	Anchor: { es: 'Ancla', fr: 'Ancre', pt: 'Âncora', ru: 'Якорь' },
	Headphones: { es: 'Auriculares', fr: 'Casque audio', pt: 'Auscultadores', ru: 'Наушники' },
	Folder: { es: 'Carpeta', fr: 'Dossier', pt: 'Pasta', ru: 'Папка' },
	Pin: { es: 'Chincheta', fr: 'Punaise', pt: 'Pionés', ru: 'Кнопка' },
};

export const SAS_EMOJI_NAMES_KNOWN = Object.keys(NAMES);

export function sasEmojiName(english: string, locale: Locale): string {
	if (locale === 'en') return english;
	return NAMES[english]?.[locale] ?? english;
}
