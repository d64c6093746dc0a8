import type { ProviderFactory } from '@tollgate/core'
import { deepseek } from './deepseek'
import { fireworks } from './fireworks'
import { groq } from './groq'
import { lmstudio, ollama, vllm } from './local'
import { mistral } from './mistral'
import { openrouter } from './openrouter'
import { together } from './together'
import { xai } from './xai'

export { deepseek, deepseekPreset } from './deepseek'
export { fireworks, fireworksPreset } from './fireworks'
export { groq, groqPreset } from './groq'
export { lmstudio, lmstudioPreset, ollama, ollamaPreset, vllm, vllmPreset } from './local'
export { mistral, mistralPreset } from './mistral'
export { openrouter, openrouterPreset } from './openrouter'
export { together, togetherPreset } from './together'
export { xai, xaiPreset } from './xai'

/** Hosted services: enabled by zero config when their API key variable is set. */
export const hostedPresets: ProviderFactory[] = [groq, mistral, deepseek, together, fireworks, openrouter, xai]
/** Local servers: enabled by zero config when their base URL variable is set. */
export const localPresets: ProviderFactory[] = [ollama, vllm, lmstudio]
