/**
 * The reading settings: text size, line width and theme, each a group of radio buttons (arrow keys move
 * between choices, a screen reader names the group by its legend). Each choice applies at once and is
 * remembered on this device. The theme is the header toggle's own choice (src/shared/theme/).
 */
import { useSyncExternalStore } from 'react'
import { setThemeChoice, type ThemeChoice } from '../../shared/theme/theme-choice.ts'
import { useTheme } from '../../shared/theme/use-theme.ts'
import {
  LINE_WIDTHS,
  readReaderSettings,
  setReaderSetting,
  subscribeToReaderSettings,
  TEXT_SIZES,
  type LineWidth,
  type TextSize,
} from './reader-settings.ts'
import settingsText from 'virtual:site-locale/settings'

const TEXT_SIZE_LABELS: Record<TextSize, string> = { small: settingsText.small, normal: settingsText.normal, large: settingsText.large, larger: settingsText.larger }
const LINE_WIDTH_LABELS: Record<LineWidth, string> = { narrow: settingsText.narrow, normal: settingsText.normal, wide: settingsText.wide }
const THEME_LABELS: Record<ThemeChoice, string> = { system: settingsText.system, light: settingsText.light, dark: settingsText.dark }

export default function ReaderSettingsPanel({ id }: { id: string }) {
  const settingsKey = useSyncExternalStore(subscribeToReaderSettings, () => JSON.stringify(readReaderSettings()))
  const settings = JSON.parse(settingsKey) as ReturnType<typeof readReaderSettings>
  const theme = useTheme()
  return (
    <section id={id} className="reader-settings-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{settingsText.readingSettings}</h2>
      <Choices
        legend={settingsText.textSize}
        name={`${id}-size`}
        options={TEXT_SIZES}
        labels={TEXT_SIZE_LABELS}
        value={settings.textSize}
        onChange={(value) => setReaderSetting('textSize', value)}
      />
      <Choices
        legend={settingsText.lineWidth}
        name={`${id}-width`}
        options={LINE_WIDTHS}
        labels={LINE_WIDTH_LABELS}
        value={settings.lineWidth}
        onChange={(value) => setReaderSetting('lineWidth', value)}
      />
      <Choices
        legend={settingsText.theme}
        name={`${id}-theme`}
        options={['system', 'light', 'dark'] as const}
        labels={THEME_LABELS}
        value={theme?.choice ?? 'system'}
        onChange={setThemeChoice}
      />
    </section>
  )
}

function Choices<T extends string>(props: {
  legend: string
  name: string
  options: readonly T[]
  labels: Record<T, string>
  value: T
  onChange: (value: T) => void
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <div className="reader-settings-choices">
        {props.options.map((option) => (
          <label key={option}>
            <input
              type="radio"
              name={props.name}
              value={option}
              checked={props.value === option}
              onChange={() => props.onChange(option)}
            />
            {props.labels[option]}
          </label>
        ))}
      </div>
    </fieldset>
  )
}
