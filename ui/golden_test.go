package ui

import (
	"image"
	"testing"

	"fyne.io/fyne/v2/test"
)

// assertScreen compares img with its golden image in testdata, except
// under the race detector (CI step 2), where screens drawn in the
// background were caught half done; ./build.sh test compares them.
func assertScreen(t *testing.T, name string, img image.Image) {
	t.Helper()
	if raceDetector {
		return
	}
	test.AssertImageMatches(t, name, img)
}
