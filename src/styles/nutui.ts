/*
 * NutUI styles, loaded once by the app entry and in one fixed order: only the stylesheets of the
 * components in components/ui.ts (not all seventy), plus the icon base styles NutUI's icons share.
 */
import '@nutui/icons-react-taro/dist/style_icon.css'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/loading/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/swiper/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
