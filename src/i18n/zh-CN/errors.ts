import type { ClientErrorCode } from '../../api/errors'

/** Every code the app can meet must have a message: the `satisfies` below makes a missing one a type error. */
type ErrorMessages = Record<`error.${ClientErrorCode}`, string>

/** The words one message for each error code the app can meet. */
export const errors = {
  'error.VALIDATION_FAILED': '填写的内容有误，请检查后重试',
  'error.MALFORMED_JSON': '请求格式有误，请更新小程序后重试',
  'error.UNAUTHENTICATED': '请先登录',
  'error.INVALID_CREDENTIALS': '门店代码、用户名或密码不正确',
  'error.SESSION_EXPIRED': '登录已过期，请重新登录',
  'error.FORBIDDEN': '没有权限',
  'error.ACCOUNT_DISABLED': '账号已停用，请联系店长',
  'error.NOT_FOUND': '找不到要查看的内容，可能已被删除',
  'error.ROUTE_NOT_FOUND': '服务暂不支持此操作，请更新小程序',
  'error.METHOD_NOT_ALLOWED': '服务暂不支持此操作，请更新小程序',
  'error.CONFLICT': '操作冲突，请刷新后重试',
  'error.USERNAME_TAKEN': '用户名已被使用，请换一个',
  'error.PHONE_TAKEN': '该手机号已属于另一位客户',
  'error.VERSION_CONFLICT': '内容已被他人修改，已为你载入最新内容，请重新修改',
  'error.SLOT_TAKEN': '该时段刚刚被预约，请选择其他时间',
  'error.ILLEGAL_TRANSITION': '订单当前阶段不能进行此操作，请刷新查看最新状态',
  'error.DAY_CLOSED': '该日已日结，不能再修改；请在未结日登记更正，或请店长重新开账',
  'error.SELECTION_LOCKED': '选片已确认，不能再修改',
  'error.STOCK_SHORT': '库存不足，未做任何更改',
  'error.DISCOUNT_NEEDS_MANAGER': '折扣超过限额，需要店长审批',
  'error.BALANCE_DUE': '还有尾款未结清',
  'error.REQUEST_ID_REUSED': '此请求已以不同内容提交过，请刷新后重试',
  'error.OVERPAYMENT': '金额超过应付余额',
  'error.NOTHING_TO_PAY': '当前没有需要支付的款项',
  'error.WECHAT_CODE_INVALID': '微信授权已失效，请重新点击',
  'error.UPSTREAM_REFUSED': '微信或图片存储拒绝了此操作，请联系影楼',
  'error.UPSTREAM_UNAVAILABLE': '微信或图片存储暂时繁忙，请稍后重试',
  'error.PAYMENT_PROVIDER_ERROR': '微信支付暂时无响应，请稍后重试',
  'error.PRECONDITION_FAILED': '当前状态下不能进行此操作',
  'error.PAYLOAD_TOO_LARGE': '内容太大，请精简后重试',
  'error.UNSUPPORTED_MEDIA_TYPE': '请求格式有误，请更新小程序后重试',
  'error.ACCOUNT_LOCKED': '密码错误次数过多，账号已暂时锁定，请稍后再试或联系店长',
  'error.RATE_LIMITED': '操作太频繁，请稍后再试',
  'error.INTERNAL': '服务器开小差了，请稍后再试',
  'error.NETWORK': '网络连接失败，请检查网络后重试',
} as const satisfies ErrorMessages & Record<string, string>
