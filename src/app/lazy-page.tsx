/**
 * A page component whose code is loaded on demand, like `React.lazy`, but which can be loaded ahead
 * (`preload()`): once loaded it renders at once, without suspending. The browser loads the first
 * page's code before hydrating, so the first render matches the prerendered markup; on navigation,
 * the router starts loading the next page's code before rendering it.
 */
import { use, type ComponentType, type ReactPromise } from 'react'

export interface LazyPage {
  (): React.ReactNode
  preload: () => Promise<ComponentType>
  /** Whether its code is loaded: it renders without suspending. */
  loaded: () => boolean
}

/** A promise that says how it settled, as `use()` reads it: a settled one is read without suspending. */
type Loading = Promise<ComponentType> & { status?: 'fulfilled' | 'rejected'; value?: ComponentType; reason?: unknown }

export function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  let loading: Loading | undefined
  const start = () => {
    const promise: Loading = load()
    promise.then(
      (component) => {
        promise.status = 'fulfilled'
        promise.value = component
      },
      (error: unknown) => {
        promise.status = 'rejected'
        promise.reason = error
      },
    )
    return (loading = promise)
  }
  // A failed load (the page shows the error) is tried again by the next navigation here.
  const preload = () => (!loading || loading.status === 'rejected' ? start() : loading)
  function Page() {
    const Component = use((loading ?? start()) as ReactPromise<ComponentType>)
    return <Component />
  }
  return Object.assign(Page, { preload, loaded: () => loading?.status === 'fulfilled' })
}
