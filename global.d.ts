/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string
  export default src
}
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    TARO_ENV: 'weapp' | 'h5'
    /** The mini-program's appid; Taro writes it into dist/weapp/project.config.json. */
    TARO_APP_ID?: string
    /** Where the HTTP transport sends requests ('/api' on H5, proxied by the local server). */
    TARO_APP_API_BASE: string
    /** The studio a sign-in form starts with. */
    TARO_APP_STUDIO_CODE: string
    /** The CloudBase environment the weapp calls; empty means WeChat's default environment. */
    TARO_APP_CLOUD_ENV: string
    /** The media server's address, put before /media/… image paths in the mini-program; empty on H5, which it serves. */
    TARO_APP_MEDIA_BASE: string
    /** The WeChat subscription-message template of the day-before reminder; empty means the reminder switch asks WeChat nothing. */
    TARO_APP_REMINDER_TEMPLATE_ID: string
  }
}
