import Taro from '@tarojs/taro'

/**
 * Hands a CSV to the person: in the browser a download; inside WeChat a file in the app's own
 * storage, opened so it can be sent on (to the computer that runs payroll).
 */
export async function saveCsv(filename: string, csv: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a')
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
    link.download = filename
    link.click()
    URL.revokeObjectURL(link.href)
    return
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`
  Taro.getFileSystemManager().writeFileSync(filePath, csv, 'utf8')
  await Taro.openDocument({ filePath, fileType: 'xlsx' as never, showMenu: true })
}
