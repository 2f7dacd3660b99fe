import Taro from '@tarojs/taro'

export interface PickedFile {
  name: string
  size: number
  base64: string
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}

/** In a browser the file comes from an ordinary file input, attached only while it is open. */
function pickInBrowser(): Promise<PickedFile | undefined> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.csv,text/csv'
    input.style.display = 'none'
    input.onchange = () => {
      const file = input.files?.[0]
      input.remove()
      if (!file) return resolve(undefined)
      readAsBase64(file).then((base64) => resolve({ name: file.name, size: file.size, base64 }), reject)
    }
    document.body.appendChild(input)
    input.click()
  })
}

/** In WeChat a file can only come from a chat, so the CSV is one sent to the admin (or to themself). */
async function pickInWeChat(): Promise<PickedFile | undefined> {
  const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv'] })
  const file = tempFiles[0]
  if (!file) return undefined
  const base64 = Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string
  return { name: file.name, size: file.size, base64 }
}

export function pickCsv(): Promise<PickedFile | undefined> {
  return process.env.TARO_ENV === 'h5' ? pickInBrowser() : pickInWeChat()
}

/** The browser downloads the file; WeChat offers to send it to a chat, where it opens in Excel or WPS. */
export async function saveCsv(filename: string, csv: string): Promise<'downloaded' | 'shared'> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
    const link = document.createElement('a')
    link.href = url
    link.download = filename
    document.body.appendChild(link)
    link.click()
    link.remove()
    URL.revokeObjectURL(url)
    return 'downloaded'
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`
  Taro.getFileSystemManager().writeFileSync(filePath, csv, 'utf8')
  await Taro.shareFileMessage({ filePath, fileName: filename })
  return 'shared'
}
