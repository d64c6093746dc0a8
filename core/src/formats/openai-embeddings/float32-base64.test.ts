import { expect, test } from 'bun:test'
import { decodeFloat32Base64, encodeFloat32Base64 } from './float32-base64'

test('little-endian float32 bytes, base64: the exact bytes OpenAI sends', () => {
  // 1.0f = 0x3F800000 → LE bytes 00 00 80 3F; -2.5f = 0xC0200000 → 00 00 20 C0
  expect(encodeFloat32Base64([1, -2.5])).toBe(btoa(String.fromCharCode(0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x20, 0xc0)))
  expect(decodeFloat32Base64('AACAPwAAIMA=')).toEqual([1, -2.5])
})

test('decoded float32 values re-encode to identical text (no precision drift through the canonical form)', () => {
  const original = encodeFloat32Base64([0.0023064255, -0.009327292, 0.015797347, 1e-38, 3.4e38])
  expect(encodeFloat32Base64(decodeFloat32Base64(original))).toBe(original)
  expect(decodeFloat32Base64(original)[0]).toBe(Math.fround(0.0023064255))
})

test('long vectors (more bytes than one String.fromCharCode chunk) and empty vectors', () => {
  const values = Array.from({ length: 3072 * 4 }, (_, index) => Math.fround(Math.sin(index)))
  expect(decodeFloat32Base64(encodeFloat32Base64(values))).toEqual(values)
  expect(encodeFloat32Base64([])).toBe('')
  expect(decodeFloat32Base64('')).toEqual([])
})

test('text that is not a whole number of float32 values is refused', () => {
  expect(() => decodeFloat32Base64(btoa('abc'))).toThrow(RangeError)
})
