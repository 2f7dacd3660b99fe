import type { PropsWithChildren } from 'react'
import * as z from 'zod'
import './styles/nutui'
import './app.scss'

// WeChat's JS engine does not allow code built from strings (new Function), which zod otherwise uses to speed up parsing.
z.config({ jitless: true })

function App({ children }: PropsWithChildren) {
  return children
}

export default App
