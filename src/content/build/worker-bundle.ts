/**
 * The build worker (build-worker.ts) as one JavaScript file, so a worker process starts without tsx.
 *
 * Why: each worker loaded the pipeline's ~150 TypeScript modules through tsx's loader hooks, which
 * answer every import from another thread: 1.1 s of CPU a worker, twice a build on two cores. Bundled
 * by esbuild (the packages stay imports, loaded by Node itself), the same import takes 0.5 s.
 *
 * The file is named by codeKey() (build-cache.ts), which hashes every folder the worker's code is in;
 * made once per code version and reused. A bundle whose inputs lie outside those folders would outlive
 * a change to them, so it is refused with the folder to add.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build, type Plugin } from 'esbuild'
import { CODE, PROJECT } from './build-cache.ts'

const WORKER_SOURCE = fileURLToPath(new URL('./build-worker.ts', import.meta.url))

/** The bundle's path, made first when this code version has none. `code`: codeKey(). */
export async function workerBundle(code: string, project = PROJECT): Promise<string> {
  // Inside node_modules, so the bundle's imports of packages resolve from the project's.
  const folder = join(project, 'node_modules', '.jekyll-reader')
  const path = join(folder, `build-worker-${code.slice(0, 16)}.mjs`)
  if (existsSync(path)) return path
  const result = await build({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: project,
    plugins: [importMetaUrlOfSource],
  })
  const outside = Object.keys(result.metafile.inputs).filter((input) => !CODE.some((folder) => input === folder || input.startsWith(`${folder}/`)))
  if (outside.length > 0) {
    throw new Error(`The build worker imports ${outside.join(', ')}, outside the code the build cache hashes (${CODE.join(', ')}): add its folder to CODE in src/content/build/build-cache.ts`)
  }
  mkdirSync(folder, { recursive: true })
  // Older code versions' bundles go; this version's may be being written by another build at once.
  for (const old of readdirSync(folder)) if (old.startsWith('build-worker-') && !old.startsWith(basename(path))) rmSync(join(folder, old), { force: true })
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, result.outputFiles[0]!.contents)
  renameSync(temporary, path)
  return path
}

/** `import.meta.url` stays each source file's own URL: paths are found beside it (the theme's includes, fonts). */
const importMetaUrlOfSource: Plugin = {
  name: 'import-meta-url-of-source',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8')
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' }
    })
  },
}
