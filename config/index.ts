import { resolve } from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * Values the app reads as process.env.TARO_APP_*; Taro only injects them from .env files,
 * so the shell environment is forwarded here to let CI and `npm start` set them per build.
 */
const buildTimeEnv = {
  TARO_APP_API_BASE: process.env.TARO_APP_API_BASE ?? '/api',
  TARO_APP_STUDIO_CODE: process.env.TARO_APP_STUDIO_CODE ?? 'demo',
  TARO_APP_CLOUD_ENV: process.env.TARO_APP_CLOUD_ENV ?? '',
  TARO_APP_MEDIA_BASE: process.env.TARO_APP_MEDIA_BASE ?? '',
  TARO_APP_REMINDER_TEMPLATE_ID: process.env.TARO_APP_REMINDER_TEMPLATE_ID ?? '',
}

/** The API contract lives outside src/ and is shared with the functions; Taro only compiles src/ unless told. */
const compile = { include: [resolve(__dirname, '..', 'types')] }

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'studio-erp',
    date: '2026-1-1',
    // NutUI React Taro is drawn on a 375 canvas; our own styles use Taro's 750 canvas.
    designWidth(input) {
      const file = typeof input === 'object' && input !== null ? (input as { file?: string }).file : undefined
      if (file?.replace(/\\+/g, '/').includes('@nutui')) return 375
      return 750
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    env: Object.fromEntries(Object.entries(buildTimeEnv).map(([key, value]) => [key, JSON.stringify(value)])),
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile,
      // Our rules are namespaced (BEM blocks, NutUI overrides scoped under a block) and never rely on
      // stylesheet order, so pages importing shared components in different orders is harmless.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile,
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      // Taro splits only the entry's modules; pages load lazily on H5, and without this each page
      // chunk carried its own copy of React components, NutUI and zod.
      // The entry is React DOM, Taro's H5 runtime and router, and zod, which every page parses with
      // (~450 KiB before gzip, the app's dictionaries included), over webpack's generic 244 KiB hint; the
      // budgets below sit just above today's sizes so that growth still warns.
      webpackChain(chain) {
        chain.optimization.merge({ splitChunks: { chunks: 'all' } })
        chain.performance.maxEntrypointSize(470 * 1024).maxAssetSize(310 * 1024)
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
