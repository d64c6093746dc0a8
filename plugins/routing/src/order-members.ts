import type { RouteMember } from './create-route-table'
import type { Strategy } from './routing-options'

/** What the strategies may look at: this instance's live figures for each deployment. */
export interface LoadView {
  inFlight(id: string): number
  latencyMs(id: string): number | undefined
}

/**
 * Weighted random order without replacement: each pick is proportional to its weight, so the
 * fallbacks follow the weights too. Weight 0 goes last (a last resort).
 */
export function weightedShuffle(members: RouteMember[], random: () => number): RouteMember[] {
  const pool = members.filter((member) => member.weight > 0)
  const ordered: RouteMember[] = []
  while (pool.length > 0) {
    const total = pool.reduce((sum, member) => sum + member.weight, 0)
    let target = random() * total
    let index = pool.findIndex((member) => (target -= member.weight) < 0)
    if (index === -1) index = pool.length - 1
    ordered.push(pool.splice(index, 1)[0])
  }
  return [...ordered, ...members.filter((member) => member.weight <= 0)]
}

const price = (member: RouteMember) => (member.deployment.price ? member.deployment.price.input + member.deployment.price.output : Number.POSITIVE_INFINITY)

/** The sort key of each strategy (lower first); ties keep their weighted random order. */
const keys: Record<Strategy, ((member: RouteMember, view: LoadView) => number) | undefined> = {
  weighted: undefined,
  priority: (member) => member.priority,
  'least-in-flight': (member, view) => view.inFlight(member.deployment.id),
  // Unmeasured deployments go first, so each gets a sample.
  'lowest-latency': (member, view) => view.latencyMs(member.deployment.id) ?? 0,
  // Input plus output price per million tokens; unpriced last.
  'lowest-price': price,
}

/** The order in which a route tries its deployments for one request. */
export function orderMembers(members: RouteMember[], strategy: Strategy, view: LoadView, random: () => number): RouteMember[] {
  const shuffled = weightedShuffle(members, random)
  const key = keys[strategy]
  if (!key) return shuffled
  const measured = new Map(shuffled.map((member) => [member, key(member, view)]))
  return shuffled.sort((a, b) => measured.get(a)! - measured.get(b)!)
}
