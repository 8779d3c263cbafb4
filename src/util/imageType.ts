const SIGNATURES: Array<{ type: string; matches: (head: Buffer) => boolean }> = [
  { type: 'image/png', matches: (h) => h.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])) },
  { type: 'image/jpeg', matches: (h) => h.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) },
  { type: 'image/gif', matches: (h) => h.subarray(0, 4).toString('latin1') === 'GIF8' },
  { type: 'image/webp', matches: (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP' },
];

/** The image type named by a file's magic bytes (PNG, JPEG, GIF, WebP), or undefined when it is not one. */
export function detectImageType(bytes: Buffer): string | undefined {
  return SIGNATURES.find((signature) => signature.matches(bytes))?.type;
}
