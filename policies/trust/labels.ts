// Why an event does not count, said to people in the five languages: one
// short sentence per trust code (verdict.ts) and per reading of a decryption
// failure (failures.ts). The English reasons the verdicts carry are for logs
// and auditors; pages show these. Pure data.
import type { Labels } from '../cases/i18n/labels.ts';
import type { TrustCode } from './verdict.ts';

const l = (en: string, es: string, fr: string, pt: string, ru: string): Labels => ({ en, es, fr, pt, ru });

export const TRUST_LABELS: Readonly<Record<TrustCode | 'withheld' | 'missing-key', Labels>> = {
	'not-encrypted': l(
		'Sent without encryption: anyone with a member’s access token or their homeserver could have written it.',
		'Enviado sin cifrar: cualquiera con el token de acceso de un miembro o su servidor pudo escribirlo.',
		'Envoyé sans chiffrement : quiconque détient le jeton d’accès d’un membre ou son serveur a pu l’écrire.',
		'Enviado sem cifragem: qualquer pessoa com o token de acesso de um membro ou o seu servidor pode tê-lo escrito.',
		'Отправлено без шифрования: его мог написать любой, у кого есть токен доступа участника или его сервер.',
	),
	'room-not-encrypted': l(
		'Sent in a room that is not encrypted, so not a case room.',
		'Enviado en una sala que no está cifrada; no es una sala de caso.',
		'Envoyé dans un salon non chiffré, qui n’est donc pas un salon de dossier.',
		'Enviado numa sala que não está cifrada; não é uma sala de processo.',
		'Отправлено в незашифрованной комнате, то есть не в комнате дела.',
	),
	'unsigned-device': l(
		'Sent from a device its owner has not verified (not cross-signed).',
		'Enviado desde un dispositivo que su titular no ha verificado (sin firma cruzada).',
		'Envoyé depuis un appareil que son titulaire n’a pas vérifié (sans signature croisée).',
		'Enviado de um dispositivo que o titular não verificou (sem assinatura cruzada).',
		'Отправлено с устройства, которое владелец не подтвердил (нет перекрёстной подписи).',
	),
	'unknown-device': l(
		'Sent from a device the bridge does not know (unknown or deleted).',
		'Enviado desde un dispositivo que el puente no conoce (desconocido o eliminado).',
		'Envoyé depuis un appareil que la passerelle ne connaît pas (inconnu ou supprimé).',
		'Enviado de um dispositivo que a ponte não conhece (desconhecido ou eliminado).',
		'Отправлено с устройства, неизвестного мосту (неизвестного или удалённого).',
	),
	'not-guaranteed': l(
		'Its key did not come from the sender (backup or forwarded), so its authenticity cannot be guaranteed.',
		'Su clave no vino del remitente (copia de seguridad o reenvío): no se puede garantizar su autenticidad.',
		'Sa clé ne vient pas de l’expéditeur (sauvegarde ou transfert) : son authenticité ne peut être garantie.',
		'A sua chave não veio do remetente (cópia de segurança ou reencaminhada): a autenticidade não pode ser garantida.',
		'Ключ получен не от отправителя (из резервной копии или переслан), подлинность не гарантирована.',
	),
	'mismatched-sender': l(
		'It names a sender who did not encrypt it.',
		'Indica un remitente que no lo cifró.',
		'Il indique un expéditeur qui ne l’a pas chiffré.',
		'Indica um remetente que não o cifrou.',
		'В нём указан отправитель, который его не шифровал.',
	),
	'identity-changed': l(
		'The sender’s identity changed and has not been approved again.',
		'La identidad del remitente cambió y no ha sido aprobada de nuevo.',
		'L’identité de l’expéditeur a changé et n’a pas été approuvée à nouveau.',
		'A identidade do remetente mudou e não foi aprovada de novo.',
		'Личность отправителя изменилась и не была подтверждена заново.',
	),
	'unknown-shield': l(
		'The encryption reports a problem this version does not know.',
		'El cifrado señala un problema que esta versión no conoce.',
		'Le chiffrement signale un problème que cette version ne connaît pas.',
		'A cifragem indica um problema que esta versão não conhece.',
		'Шифрование сообщает о проблеме, неизвестной этой версии.',
	),
	withheld: l(
		'The sender’s side did not give the bridge its key.',
		'El lado del remitente no dio su clave al puente.',
		'Le côté de l’expéditeur n’a pas donné sa clé à la passerelle.',
		'O lado do remetente não deu a chave à ponte.',
		'Сторона отправителя не передала мосту ключ.',
	),
	'missing-key': l(
		'Its key never reached the bridge.',
		'Su clave nunca llegó al puente.',
		'Sa clé n’est jamais parvenue à la passerelle.',
		'A sua chave nunca chegou à ponte.',
		'Ключ так и не дошёл до моста.',
	),
};

/**
 * The trust codes as a person's own client says them (the directory page in a
 * browser): the same sentences, but none names the bridge, which is not the
 * reader there. The register's pages keep TRUST_LABELS, the bridge's words.
 */
export const READER_TRUST_LABELS: Readonly<Record<TrustCode, Labels>> = {
	...TRUST_LABELS,
	'unknown-device': l(
		'Sent from a device that is not known (unknown or deleted).',
		'Enviado desde un dispositivo que no se conoce (desconocido o eliminado).',
		'Envoyé depuis un appareil inconnu (jamais vu ou supprimé).',
		'Enviado de um dispositivo que não é conhecido (desconhecido ou eliminado).',
		'Отправлено с неизвестного устройства (незнакомого или удалённого).',
	),
};
