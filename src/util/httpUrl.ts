import { z } from 'zod';

/** An http(s) URL, kept without trailing slashes (paths are appended to it). */
export const httpUrl = z
  .string()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'must be an http(s) URL')
  .transform((value) => value.replace(/\/+$/, ''));
