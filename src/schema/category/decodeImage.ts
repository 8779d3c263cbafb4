import { ErrorCode } from '../../domain/errorCode';
import { GatewayFault } from '../../domain/gatewayFault';
import type { ImageUpload } from '../../domain/records';
import { detectImageType } from '../../util/imageType';

/** The platforms' own ceiling for a category image (Ecwid: 20 MB). */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** Decodes and checks an image before it goes upstream: base64 (or a data: URL) of a PNG, JPEG, GIF or WebP. */
export function decodeImage(input: string): ImageUpload {
  const invalid = (message: string) => new GatewayFault(ErrorCode.BAD_USER_INPUT, message, { field: ['imageBase64'] });
  const base64 = input.replace(/^data:[\w/+.-]+;base64,/, '').replace(/\s+/g, '');
  if (base64 === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 === 1) {
    throw invalid('imageBase64 is not base64');
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_IMAGE_BYTES) throw invalid('the image is larger than 20 MB');
  const contentType = detectImageType(bytes);
  if (!contentType) throw invalid('the image is not a PNG, JPEG, GIF or WebP file');
  return { bytes, contentType };
}
