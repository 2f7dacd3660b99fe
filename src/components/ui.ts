/** The NutUI components the app uses; their styles are loaded by styles/nutui.ts — add a new one in both places. */
export { Button, Cell, CellGroup, Checkbox, Input, Loading, Radio, Switch, Tag } from '@nutui/nutui-react-taro'
