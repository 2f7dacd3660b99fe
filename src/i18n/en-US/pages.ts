import type { pages as chinese } from '../zh-CN/pages'
import type { SameWords } from '../same-words'

export const pages = {
  'login.customerTitle': "I'm a customer",
  'login.wechatLead': 'Sign in with WeChat to book a shoot and follow your order.',
  'login.wechatButton': 'Sign in with WeChat',
  'login.devWechatLead': 'You are not inside WeChat. This button simulates a WeChat sign-in, for development and testing only.',
  'login.devWechatButton': 'Dev WeChat sign-in (simulated)',
  'login.devWechatHint': 'Leave empty for a random test customer',
  'login.nicknamePlaceholder': 'Test customer nickname (optional)',
  'login.staffTitle': 'Staff sign-in',
  'login.studioCodePlaceholder': 'Studio code',
  'login.usernamePlaceholder': 'User name',
  'login.passwordPlaceholder': 'Password',
  'login.staffButton': 'Sign in',

  'home.title': 'Home',
  'home.greeting': 'Hello, {name}',
  'home.tagline': 'Every moment that matters to you, beautifully kept',
  'home.packagesTitle': 'Packages',
  'home.packagesEmptyTitle': 'Our packages are on their way',
  'home.packagesEmptyDescription': 'Wedding, portrait and family packages will be here soon.',

  'orders.title': 'My orders',
  'orders.emptyTitle': 'No orders yet',
  'orders.emptyDescription': 'Once you book a shoot, your order and its progress appear here.',
  'orders.browsePackages': 'Browse packages',

  'me.title': 'Me',
  'me.profileTitle': 'My profile',
  'me.notFilled': 'Not set',
  'me.saved': 'Profile saved',

  'settings.title': 'Settings',
  'settings.language': 'Language',

  'home.branch': 'Branch',
  'home.changeBranch': 'Change',
  'home.allCategories': 'All',

  'package.title': 'Package',
  'package.depositOf': 'Deposit {amount}',
  'package.depositLabel': 'Deposit to book',
  'package.shootDuration': 'Shoot',
  'package.minutes': '{minutes} min',
  'package.hours': '{hours} h',
  'package.hoursMinutes': '{hours} h {minutes} min',
  'package.retouchedPhotos': 'Retouched',
  'package.photoCount': '{count} photos',
  'package.extraPhotoPrice': 'Per extra photo',
  'package.included': 'Included',
  'package.description': 'About this package',
  'package.book': 'Book now',

  'orders.appointmentsHint': 'See, reschedule or cancel your shoots',
} satisfies SameWords<typeof chinese>
