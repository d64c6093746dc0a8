import { describe, expect, test } from 'bun:test'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readJsonSetting } from './read-json-setting'

describe('readJsonSetting', () => {
  test('unset or blank is undefined', () => {
    expect(readJsonSetting({}, 'X')).toBeUndefined()
    expect(readJsonSetting({ X: '  ' }, 'X')).toBeUndefined()
  })

  test('inline JSON, object or array', () => {
    expect(readJsonSetting({ X: ' {"a":1}' }, 'X')).toEqual({ value: { a: 1 }, source: 'X' })
    expect(readJsonSetting({ X: '[1]' }, 'X')).toEqual({ value: [1], source: 'X' })
  })

  test('a file path', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tollgate-setting-')), 'routes.json')
    writeFileSync(file, '{"b":2}')
    expect(readJsonSetting({ X: file }, 'X')).toEqual({ value: { b: 2 }, source: `X file ${file}` })
  })

  test('errors name the variable', () => {
    expect(() => readJsonSetting({ X: '{oops' }, 'X')).toThrow(/^X is not valid JSON/)
    expect(() => readJsonSetting({ X: '/no/such/file.json' }, 'X')).toThrow('X names a file that cannot be read: /no/such/file.json (ENOENT)')
  })
})
