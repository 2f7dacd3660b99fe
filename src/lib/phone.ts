import Taro from '@tarojs/taro'

/** Calls a number: WeChat's dialler in the mini-program, a `tel:` link in a browser. */
export function callPhone(phone: string) {
  if (process.env.TARO_ENV !== 'h5') {
    void Taro.makePhoneCall({ phoneNumber: phone })
    return
  }
  const link = document.createElement('a')
  link.href = `tel:${phone.replace(/[\s-]/g, '')}`
  link.click()
}
