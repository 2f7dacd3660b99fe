/** Names sort and match case- and width-insensitively (全角 and 半角 alike). */
export const normaliseName = (name: string) => name.normalize('NFKC').trim().toLowerCase()
