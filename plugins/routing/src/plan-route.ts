import { GatewayError, invalidRequest, type RoutingPreferences } from '@tollgate/core'
import type { RouteEntry, RouteMember, RouteTable } from './create-route-table'
import { orderMembers, type LoadView } from './order-members'
import type { Strategy } from './routing-options'

/** One deployment to try, and the route it serves. */
export interface PlanStep {
  entry: RouteEntry
  member: RouteMember
}

export interface PlanContext {
  table: RouteTable
  view: LoadView
  random: () => number
  /** Whether a deployment's breaker would let an attempt through now. */
  isAvailable(id: string): boolean
}

type ProviderPreference = RoutingPreferences['provider']

const sortStrategies: Record<'price' | 'latency', Strategy> = { price: 'lowest-price', latency: 'lowest-latency' }

function checkProviders(preference: NonNullable<ProviderPreference>, known: string[]) {
  for (const id of [...(preference.order ?? []), ...(preference.only ?? []), ...(preference.ignore ?? [])]) {
    if (!known.includes(id)) throw invalidRequest(`Unknown provider '${id}' in 'provider' (available: ${known.join(', ')})`, 'provider')
  }
}

/** The steps of one route: filtered by the provider preference, ordered by the strategy, available ones first. */
export function planEntry(entry: RouteEntry, preference: ProviderPreference, context: PlanContext): PlanStep[] {
  const providerOf = (member: RouteMember) => member.deployment.route.provider.id
  let members = entry.members.filter((member) => !preference?.only || preference.only.includes(providerOf(member)))
  members = members.filter((member) => !preference?.ignore?.includes(providerOf(member)))
  const order = preference?.order ?? []
  if (preference && !preference.allowFallbacks) members = members.filter((member) => order.includes(providerOf(member)))
  const strategy = preference?.sort ? sortStrategies[preference.sort] : entry.strategy
  const rank = (member: RouteMember) => {
    const position = order.indexOf(providerOf(member))
    return (context.isAvailable(member.deployment.id) ? 0 : 1000) + (position === -1 ? order.length : position)
  }
  return orderMembers(members, strategy, context.view, context.random)
    .map((member, index) => ({ member, index, rank: rank(member) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ member }) => ({ entry, member }))
}

/**
 * Every deployment one request may try, in order: the deployments of `model`, then those of
 * each fallback model the client listed in `models`. Each deployment appears once.
 */
export function planRoute(model: string, preferences: RoutingPreferences | undefined, context: PlanContext): PlanStep[] {
  if (preferences?.provider) checkProviders(preferences.provider, context.table.providerIds())
  const entries = [context.table.resolve(model)]
  preferences?.models?.forEach((name, index) => {
    try {
      entries.push(context.table.resolve(name))
    } catch (error) {
      throw new GatewayError({ ...GatewayError.from(error).toJSON(), param: `models[${index}]` })
    }
  })
  const seen = new Set<string>()
  const steps = entries
    .flatMap((entry) => planEntry(entry, preferences?.provider, context))
    .filter(({ member }) => !seen.has(member.deployment.id) && seen.add(member.deployment.id))
  if (steps.length === 0) {
    throw invalidRequest(`No deployment of '${model}'${preferences?.models ? ' or its fallback models' : ''} matches the 'provider' preference`, 'provider', 'no_matching_provider')
  }
  return steps
}
