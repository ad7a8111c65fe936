// A small valid roster text for the parser's tests, line numbers fixed (the
// tests edit single lines and expect errors on them): two networks, three
// authorities (one not yet on Rogatory), one link, two secretariats.
export const VALID_ROSTER = `version: 3
networks:
  - id: NORTH
    names: { en: North, es: Norte, fr: Nord, pt: Norte, ru: Север }
    region: North
    languages: [en]
  - id: SOUTH
    names: { en: South, es: Sur, fr: Sud, pt: Sul, ru: Юг }
    region: South
    languages: [en, fr]
authorities:
  - id: aa-one
    name: Authority One
    country: AA
    homeserver:
      server_name: matrix.one.aa.example
      client_url: https://matrix.one.aa.example
    time_zone: Europe/Paris
    languages: [en]
    memberships:
      - network: NORTH
        status: member
        since: '2020-01-31'
  - id: bb-two
    name: Authority Two
    country: BB
    homeserver:
      server_name: matrix.two.bb.example
      client_url: http://127.0.0.1:8008
    time_zone: America/Lima
    languages: [fr]
    memberships:
      - network: SOUTH
        status: observer
  - id: cc-three
    name: Authority Three
    country: CC
    time_zone: Asia/Tokyo
    languages: [en]
    memberships:
      - network: NORTH
        status: member
links:
  - between: [aa-one, bb-two]
    why: test
secretariats:
  - network: NORTH
    name: North Secretariat
  - network: SOUTH
    name: South Secretariat
`;

/** The text with line `line` (1-based) replaced by `text` (several lines allowed; empty string removes it). */
export function editLine(source: string, line: number, text: string): string {
	const lines = source.split('\n');
	if (text === '') lines.splice(line - 1, 1);
	else lines.splice(line - 1, 1, text);
	return lines.join('\n');
}
