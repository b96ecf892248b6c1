package app

import "errors"

var errInvalidScenario = errors.New("the scenario has problems: fix them before tracing")
