/**
 * The smaller images made of each uploaded photo, so nobody downloads a 5–20 MB original to look at
 * a grid: a thumbnail for grids and a screen-size preview for the viewer, beside the original under
 * its key plus a suffix. Made with sharp (libvips) where the store is ours (the local file server,
 * the S3 upload Lambda); CloudBase makes them itself from URL parameters (imageMogr2).
 */
export const DERIVED_IMAGES = [
  { name: 'thumb', width: 360, quality: 72, suffix: '.thumb.jpg' },
  { name: 'preview', width: 1200, quality: 80, suffix: '.preview.jpg' },
] as const

const DERIVED_SUFFIXES = DERIVED_IMAGES.map((image) => image.suffix)

/** Whether a key names a derived image (never derived again). */
export const isDerivedKey = (key: string) => DERIVED_SUFFIXES.some((suffix) => key.endsWith(suffix))

/** The derived image that serves a link asked for at `width`: the thumbnail up to its width, else the preview. */
export function derivedKeyFor(key: string, width: number): string {
  const image = DERIVED_IMAGES.find((candidate) => width <= candidate.width) ?? DERIVED_IMAGES[DERIVED_IMAGES.length - 1]!
  return key + image.suffix
}

/** Content types sharp makes smaller images of. */
export const derivableType = (contentType: string) => /^image\/(jpeg|png|webp|heic|heif|avif|tiff)$/.test(contentType)

/**
 * The thumbnail and the preview of one image, by width: turned upright by its EXIF orientation, never enlarged,
 * JPEG (progressive, mozjpeg), metadata dropped. sharp is loaded only here, by those who make them.
 */
export async function deriveImages(original: Buffer): Promise<{ suffix: string; bytes: Buffer }[]> {
  const { default: sharp } = await import('sharp')
  return Promise.all(
    DERIVED_IMAGES.map(async (image) => ({
      suffix: image.suffix,
      bytes: await sharp(original, { failOn: 'none' })
        .rotate()
        .resize({ width: image.width, withoutEnlargement: true })
        .jpeg({ quality: image.quality, progressive: true, mozjpeg: true })
        .toBuffer(),
    })),
  )
}
