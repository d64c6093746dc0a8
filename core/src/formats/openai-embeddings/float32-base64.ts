/**
 * OpenAI's `encoding_format: "base64"` vectors: the float32 values, little-endian, base64-encoded.
 * Web-standard only (DataView, btoa/atob), so it runs on every runtime core supports.
 */
export function encodeFloat32Base64(values: readonly number[]): string {
  const view = new DataView(new ArrayBuffer(values.length * 4))
  for (let index = 0; index < values.length; index++) view.setFloat32(index * 4, values[index], true)
  const bytes = new Uint8Array(view.buffer)
  let binary = ''
  // Chunks keep String.fromCharCode's argument list small on long vectors.
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000))
  return btoa(binary)
}

/** The inverse: base64 of little-endian float32 values → numbers. Throws on text that is not a whole number of floats. */
export function decodeFloat32Base64(text: string): number[] {
  const binary = atob(text)
  if (binary.length % 4 !== 0) throw new RangeError('A base64 float32 vector must decode to a multiple of 4 bytes')
  const view = new DataView(new ArrayBuffer(binary.length))
  for (let index = 0; index < binary.length; index++) view.setUint8(index, binary.charCodeAt(index))
  const values = new Array<number>(binary.length / 4)
  for (let index = 0; index < values.length; index++) values[index] = view.getFloat32(index * 4, true)
  return values
}
