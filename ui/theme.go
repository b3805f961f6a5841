package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"jeugdmonitor/ui/chart"
)

// The preferences the program keeps between sessions (Fyne's per-user store).
const (
	prefTheme = "thema"
	prefUser  = "gebruiker"
)

// The themes a user can pick.
const (
	themeLicht        = "licht"
	themeDonker       = "donker"
	themeHoogContrast = "hoog contrast"
)

// appTheme is Fyne's theme in a fixed variant, or, for projectors, black on
// white with strong colours and larger text.
type appTheme struct {
	variant  fyne.ThemeVariant
	contrast bool
}

// contrastColours replace the default colours in the high-contrast theme.
var contrastColours = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameBackground:        color.White,
	theme.ColorNameForeground:        color.Black,
	theme.ColorNameButton:            color.NRGBA{R: 0xe0, G: 0xe0, B: 0xe0, A: 0xff},
	theme.ColorNameInputBackground:   color.White,
	theme.ColorNameInputBorder:       color.Black,
	theme.ColorNamePlaceHolder:       color.NRGBA{R: 0x40, G: 0x40, B: 0x40, A: 0xff},
	theme.ColorNamePrimary:           color.NRGBA{R: 0x00, G: 0x33, B: 0x99, A: 0xff},
	theme.ColorNameFocus:             color.NRGBA{R: 0x00, G: 0x33, B: 0x99, A: 0x80},
	theme.ColorNameSelection:         color.NRGBA{R: 0xff, G: 0xd7, B: 0x00, A: 0xff},
	theme.ColorNameSeparator:         color.Black,
	theme.ColorNameError:             color.NRGBA{R: 0xb0, G: 0x00, B: 0x00, A: 0xff},
	theme.ColorNameHeaderBackground:  color.NRGBA{R: 0xe8, G: 0xe8, B: 0xe8, A: 0xff},
	theme.ColorNameMenuBackground:    color.White,
	theme.ColorNameOverlayBackground: color.White,
	theme.ColorNameHover:             color.NRGBA{R: 0x00, G: 0x33, B: 0x99, A: 0x30},
}

// Color returns the theme's colour for name.
func (t appTheme) Color(name fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	if c, ok := contrastColours[name]; ok && t.contrast {
		return c
	}
	return theme.DefaultTheme().Color(name, t.variant)
}

// Font returns the default fonts.
func (t appTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

// Icon returns the default icons.
func (t appTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	if n == iconNameEuro {
		return euroIcon
	}
	return theme.DefaultTheme().Icon(n)
}

// Size returns the default sizes, with larger text in the high-contrast theme.
func (t appTheme) Size(n fyne.ThemeSizeName) float32 {
	size := theme.DefaultTheme().Size(n)
	if t.contrast && (n == theme.SizeNameText || n == theme.SizeNameSubHeadingText || n == theme.SizeNameHeadingText) {
		return size * 1.15
	}
	return size
}

// themeFor returns the theme of a name from the settings (licht when unknown).
func themeFor(name string) fyne.Theme {
	switch name {
	case themeDonker:
		return appTheme{variant: theme.VariantDark}
	case themeHoogContrast:
		return appTheme{variant: theme.VariantLight, contrast: true}
	}
	return appTheme{variant: theme.VariantLight}
}

// chartTheme is the chart theme that goes with an application theme: high
// contrast for the projector, light otherwise (charts are printed and
// projected on white).
func chartTheme(name string) chart.Thema {
	if name == themeHoogContrast {
		return chart.HoogContrast
	}
	return chart.Licht
}

// applyTheme switches the application to the named theme.
func applyTheme(a fyne.App, name string) {
	a.Settings().SetTheme(themeFor(name))
}
