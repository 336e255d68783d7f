// A build worker's first module. Workers start without the TypeScript loader the build itself runs
// under (Vite bundles its config; tests and scripts use tsx), so this plain module registers tsx and
// then loads the worker proper, `build-worker.ts`.
import { workerData } from 'node:worker_threads'
import { tsImport } from 'tsx/esm/api'

await tsImport(workerData.entry, import.meta.url)
