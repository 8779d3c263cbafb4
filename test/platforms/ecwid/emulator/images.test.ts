import { startEcwidEmulator } from '../../../../src/emulators/ecwid';
import { Ecwid, storeClient } from '../../../support/ecwidEmulatorClient';
import type { EmulatorCall } from '../../../support/emulatorClient';

/** A PNG signature and padding: the emulator tells an image by its bytes, whatever the Content-Type. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]);

describe('Ecwid emulator: category images (docs/platforms/ecwid.md#images)', () => {
  let ecwid: Ecwid;
  let call: EmulatorCall;
  let shoes: number;

  beforeEach(async () => {
    ecwid = await startEcwidEmulator({ catalog: 'empty' });
    call = storeClient(ecwid);
    shoes = ecwid.catalog.create({ name: 'Shoes' });
  });
  afterEach(() => ecwid.close());

  const upload = (bytes: Buffer, categoryId = shoes, contentType = 'image/png') =>
    call('POST', `/categories/${categoryId}/image`, { body: bytes, headers: { 'content-type': contentType } });
  const read = async () => (await call('GET', `/categories/${shoes}`)).body;

  it('POST …/image takes the raw bytes, answers {id}, and the category then has thumbnailUrl and originalImageUrl', async () => {
    expect(await read()).not.toHaveProperty('thumbnailUrl');

    const { status, body } = await upload(PNG);

    expect(status).toBe(200);
    expect(body).toEqual({ id: expect.any(Number) });
    const category = await read();
    expect(category.thumbnailUrl).toMatch(/^https:\/\//);
    expect(category.originalImageUrl).toMatch(/^https:\/\//);
    expect(category.originalImageUrl).not.toBe(category.thumbnailUrl);
  });

  it('replaces an existing image', async () => {
    const first = await upload(PNG);
    const before = await read();

    const second = await upload(JPEG, shoes, 'application/octet-stream');

    expect(second.status).toBe(200);
    expect(second.body.id).not.toBe(first.body.id);
    expect((await read()).originalImageUrl).not.toBe(before.originalImageUrl);
  });

  it('answers 422 with an errorMessage for bytes that are no image', async () => {
    const { status, body } = await upload(Buffer.from('<html>not an image</html>'), shoes, 'image/png');

    expect(status).toBe(422);
    expect(body).toEqual({ errorMessage: expect.any(String) });
    expect(await read()).not.toHaveProperty('thumbnailUrl');
  });

  it('answers 413 with an errorMessage for an image over 20 MB', async () => {
    const tooLarge = Buffer.concat([PNG, Buffer.alloc(20 * 1024 * 1024 + 1 - PNG.length)]);

    const { status, body } = await upload(tooLarge);

    expect(status).toBe(413);
    expect(body).toEqual({ errorMessage: expect.stringContaining('20') });
    expect(await read()).not.toHaveProperty('thumbnailUrl');
  });

  it('answers 404 when uploading to an unknown category', async () => {
    expect(await upload(PNG, 123)).toMatchObject({ status: 404, body: { errorMessage: 'Category is not found' } });
  });

  it('DELETE …/image answers {deleteCount: 1} and removes the image fields, then {deleteCount: 0}; 404 for an unknown category', async () => {
    await upload(PNG);

    const deleted = await call('DELETE', `/categories/${shoes}/image`);
    const again = await call('DELETE', `/categories/${shoes}/image`);
    const unknown = await call('DELETE', '/categories/123/image');

    expect(deleted).toMatchObject({ status: 200, body: { deleteCount: 1 } });
    expect(again).toMatchObject({ status: 200, body: { deleteCount: 0 } });
    expect(unknown).toMatchObject({ status: 404, body: { errorMessage: 'Category is not found' } });
    const category = await read();
    expect(category).not.toHaveProperty('thumbnailUrl');
    expect(category).not.toHaveProperty('originalImageUrl');
  });
});
