import type { ProviderFactoryResult } from '@tollgate/core'
import { azureOpenAI } from './azure/azure-openai'
import { hostedPresets, localPresets } from './presets'

/** `gpt-4o=prod-gpt4o,gpt-4o-mini` -> `{ 'gpt-4o': 'prod-gpt4o', 'gpt-4o-mini': 'gpt-4o-mini' }`. */
export function parseDeployments(value: string | undefined): Record<string, string> | undefined {
  if (!value?.trim()) return undefined
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean).map((entry) => {
    const [model, deployment] = entry.split('=').map((part) => part.trim())
    return [model, deployment || model]
  })
  return Object.fromEntries(entries)
}

/**
 * Zero config: the presets whose key is in the environment (hosted services), the local servers
 * whose base URL is (Ollama, vLLM, LM Studio), and Azure OpenAI when AZURE_OPENAI_API_KEY and
 * AZURE_OPENAI_ENDPOINT are set (deployments from AZURE_OPENAI_DEPLOYMENTS, `model=deployment,...`).
 * Keys and base URLs are read again by core from the same variables.
 */
export function discover(env: Record<string, string | undefined>): ProviderFactoryResult[] {
  const found: ProviderFactoryResult[] = []
  for (const preset of hostedPresets) if (preset.spec.env?.apiKey && env[preset.spec.env.apiKey]) found.push(preset())
  for (const preset of localPresets) if (preset.spec.env?.baseURL && env[preset.spec.env.baseURL]) found.push(preset())
  if (env.AZURE_OPENAI_API_KEY && env.AZURE_OPENAI_ENDPOINT) found.push(azureOpenAI({ env, deployments: parseDeployments(env.AZURE_OPENAI_DEPLOYMENTS) }))
  return found
}
