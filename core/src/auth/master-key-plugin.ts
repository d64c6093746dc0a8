import { definePlugin } from '../plugin/gateway-plugin'
import { constantTimeEqual } from './constant-time-equal'

/** Auth v0: the operator's master key may do everything. The keys plugin adds real keys later. */
export function masterKeyPlugin(masterKey: string) {
  return definePlugin({
    name: 'master-key',
    hooks: {
      authenticate(_context, credential) {
        if (credential && constantTimeEqual(credential, masterKey)) return { keyId: 'master', scopes: ['*'] }
        return undefined
      },
    },
  })
}
