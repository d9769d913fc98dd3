/**
 * Small WebP previews of image attachments (sharp, prebuilt libvips from npm). A huge pixel count
 * is refused before decoding, so a small file cannot expand into gigabytes of memory.
 */
import sharp from 'sharp';

const THUMBNAIL_EDGE = 320;
const MAX_INPUT_PIXELS = 50_000_000;

/** null when the bytes, though they look like an image, cannot be decoded. */
export async function makeThumbnail(image: Uint8Array): Promise<Buffer | null> {
  try {
    return await sharp(image, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(THUMBNAIL_EDGE, THUMBNAIL_EDGE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
  } catch {
    return null;
  }
}
