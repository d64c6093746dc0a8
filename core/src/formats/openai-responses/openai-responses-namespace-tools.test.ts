import { describe, expect, test } from 'bun:test'
import { createNamespaceToolNames, flattenToolName } from './openai-responses-namespace-tools'

const fn = (name: string) => ({ type: 'function', name, parameters: { type: 'object', properties: {} } })
const namespace = (name: string, ...members: string[]) => ({ type: 'namespace', name, description: `Tools in the ${name} namespace.`, tools: members.map(fn) })

describe('flattenToolName', () => {
  test('`<namespace>__<name>`, unsafe characters replaced, at most 64 characters', () => {
    expect(flattenToolName('agents', 'spawn_agent')).toBe('agents__spawn_agent')
    expect(flattenToolName('mcp.docs server', 'search/v2')).toBe('mcp_docs_server__search_v2')
    const long = flattenToolName('n'.repeat(50), 'm'.repeat(50))
    expect([long.length, long]).toEqual([64, `${'n'.repeat(50)}__${'m'.repeat(12)}`])
  })
})

describe('createNamespaceToolNames', () => {
  test('every member gets a flat name, mapped back to its namespace and own name', () => {
    const names = createNamespaceToolNames([fn('shell'), namespace('agents', 'spawn_agent', 'wait'), namespace('mcp__docs', 'search')])
    expect([...names.byFlatName]).toEqual([
      ['agents__spawn_agent', { namespace: 'agents', name: 'spawn_agent' }],
      ['agents__wait', { namespace: 'agents', name: 'wait' }],
      ['mcp__docs__search', { namespace: 'mcp__docs', name: 'search' }],
    ])
    expect([names.member(1, 0), names.member(1, 1), names.member(2, 0), names.member(0, 0)]).toEqual(['agents__spawn_agent', 'agents__wait', 'mcp__docs__search', undefined])
    expect(names.flatName('agents', 'wait')).toBe('agents__wait')
  })

  test('collisions: with a top-level tool (wherever it stands), between members, and after cutting to 64 characters', () => {
    const long = 'x'.repeat(70)
    const names = createNamespaceToolNames([namespace('a', 'b', 'b'), fn('a__b'), namespace('a.b', 'c'), namespace('a_b', 'c'), namespace('n', `${long}1`, `${long}2`)])
    expect([...names.byFlatName.keys()]).toEqual(['a__b_2', 'a__b_3', 'a_b__c', 'a_b__c_2', `n__${'x'.repeat(61)}`, `n__${'x'.repeat(59)}_2`])
    for (const flat of names.byFlatName.keys()) expect(flat).toMatch(/^[a-zA-Z0-9_-]{1,64}$/)
    // The first declaration wins a lookup by name; each position keeps its own.
    expect([names.flatName('a', 'b'), names.member(0, 1)]).toEqual(['a__b_2', 'a__b_3'])
  })

  test('a namespaced name the request does not declare gets the plain flat name', () => {
    expect(createNamespaceToolNames([]).flatName('agents', 'close agent')).toBe('agents__close_agent')
  })

  test('a tool choice names a top-level tool first, else the first member so named, else passes through', () => {
    const names = createNamespaceToolNames([namespace('agents', 'wait', 'spawn'), fn('wait')])
    expect([names.choiceName('wait'), names.choiceName('spawn'), names.choiceName('other')]).toEqual(['wait', 'agents__spawn', 'other'])
  })

  test('never throws: malformed entries are skipped', () => {
    const names = createNamespaceToolNames([null, 'x', { type: 'namespace' }, { type: 'namespace', name: 'n', tools: 'no' }, { type: 'namespace', name: 'n', tools: [null, { type: 'function' }, fn('ok')] }])
    expect([...names.byFlatName.keys()]).toEqual(['n__ok'])
    expect(createNamespaceToolNames('tools').byFlatName.size).toBe(0)
  })
})
