//go:build race

package ui

// raceDetector reports whether the tests run under the race detector.
const raceDetector = true
