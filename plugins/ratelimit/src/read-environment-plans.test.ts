import { expect, test } from 'bun:test'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readEnvironmentPlans } from './read-environment-plans'

test('TOLLGATE_RATE_LIMITS: inline JSON or a JSON file; mistakes name the place', () => {
  expect(readEnvironmentPlans({})).toEqual({})
  expect(readEnvironmentPlans({ TOLLGATE_RATE_LIMITS: ' {"free": {"rpm": 20, "perModel": {"openai/*": {"tpm": 1000}}}} ' })).toEqual({ free: { rpm: 20, perModel: { 'openai/*': { tpm: 1000 } } } })
  const file = join(mkdtempSync(join(tmpdir(), 'tollgate-plans-')), 'plans.json')
  writeFileSync(file, '{"pro": {"maxConcurrency": 8}}')
  expect(readEnvironmentPlans({ TOLLGATE_RATE_LIMITS: file })).toEqual({ pro: { maxConcurrency: 8 } })
  expect(() => readEnvironmentPlans({ TOLLGATE_RATE_LIMITS: '/nope/plans.json' })).toThrow('TOLLGATE_RATE_LIMITS names a file that cannot be read: /nope/plans.json (ENOENT)')
  expect(() => readEnvironmentPlans({ TOLLGATE_RATE_LIMITS: '{"free": ' })).toThrow('TOLLGATE_RATE_LIMITS is not valid JSON')
  expect(() => readEnvironmentPlans({ TOLLGATE_RATE_LIMITS: '{"free": {"rpm": 1.5}}' })).toThrow('Invalid rate-limit configuration (TOLLGATE_RATE_LIMITS): /free/rpm: Expected integer')
  expect(() => readEnvironmentPlans({ TOLLGATE_RATE_LIMITS: '{"free": {"perKey": {"tpm": 0}}}' })).toThrow('/free/perKey/tpm')
})
