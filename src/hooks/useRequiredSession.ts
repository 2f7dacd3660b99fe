import { useEffect } from 'react'
import type { Principal } from '../../types/entities'
import { enterApp } from '../session/actions'
import { goToSignIn } from '../session/navigation'
import { useSession, type Session } from '../session/store'

/**
 * The session a page needs, or null while the person is being sent where they belong:
 * nobody signed in → sign-in page; a customer on a staff page (or the reverse) → their own start page.
 */
export function useRequiredSession(kind: Principal['kind']): Session | null {
  const session = useSession()
  const belongsHere = session?.principal.kind === kind
  useEffect(() => {
    if (!session) goToSignIn()
    else if (!belongsHere) enterApp(session.principal)
  }, [session, belongsHere])
  return belongsHere ? session : null
}
