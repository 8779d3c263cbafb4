export enum Platform {
  ECWID = 'ECWID',
  SFCC = 'SFCC',
  ZAVEIT = 'ZAVEIT',
}
