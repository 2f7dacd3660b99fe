import { zhCN } from './i18n/zh-CN'

// Tab labels are fixed at build time in the default language; useCustomerTabBar switches them at run time.
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/package/index', 'pages/orders/index', 'pages/me/index', 'pages/login/index'],
  subPackages: [
    {
      root: 'staff',
      pages: ['workspace/index', 'members/index', 'member/index', 'password/index', 'audit/index', 'coming-soon/index', 'shoot/index'],
    },
    { root: 'crm', pages: ['customers/index', 'customer/index', 'customer-form/index', 'follow-ups/index'] },
    { root: 'manage', pages: ['packages/index', 'package/index', 'products/index', 'import/index'] },
    { root: 'booking', pages: ['book/index', 'held/index', 'appointments/index'] },
    { root: 'order', pages: ['detail/index', 'pay/index', 'select/index', 'proof/index'] },
    {
      root: 'schedule',
      pages: ['mine/index', 'desk/index', 'pick-customer/index', 'setup/index', 'hours/index', 'branch/index', 'rooms/index', 'staff/index', 'policy/index', 'outbox/index'],
    },
    {
      root: 'desk',
      pages: ['orders/index', 'new-order/index', 'order/index', 'queue/index', 'selected/index', 'finance/index', 'overdue/index', 'settings/index'],
    },
    { root: 'stock', pages: ['items/index', 'item/index', 'stocktake/index'] },
    { root: 'finance', pages: ['home/index', 'expenses/index', 'expense/index', 'categories/index', 'day/index', 'commission/index', 'rules/index'] },
    { root: 'feedback', pages: ['scores/index', 'app/index'] },
    { root: 'reports', pages: ['home/index', 'report/index'] },
  ],
  // Components are injected when a page first uses them, so the start-up cost stays with the pages opened.
  lazyCodeLoading: 'requiredComponents',
  // Staff land in their workspace right after signing in, so its package is fetched while they type.
  preloadRule: {
    'pages/login/index': { network: 'all', packages: ['staff'] },
  },
  window: {
    // WeChat's default, spelled out because Taro's H5 router only draws its title bar (with back) when asked.
    navigationStyle: 'default',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: zhCN['app.name'],
    navigationBarTextStyle: 'black',
    backgroundColor: '#f7f4f2',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#7d7176',
    selectedColor: '#a8385a',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: zhCN['tab.home'],
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/orders/index',
        text: zhCN['tab.orders'],
        iconPath: 'assets/tabbar/orders.png',
        selectedIconPath: 'assets/tabbar/orders-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: zhCN['tab.me'],
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
})
