package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// setInputValue writes v into the value of the input (or textarea, or
// select) with DOM id id, when it differs. go-app drops an empty value
// attribute instead of setting it, so an input whose value goes from text to
// "" keeps showing what was typed in it unless told.
func setInputValue(id, v string) {
	if !app.IsClient {
		return
	}
	if el := app.Window().GetElementByID(id); el.Truthy() && el.Get("value").String() != v {
		el.Set("value", v)
	}
}

// setInputChecked writes v into the checked state of the checkbox with DOM
// id id, when it differs: go-app sets it only when its attribute changes, so
// a box the learner toggled keeps its state across a change it did not make.
func setInputChecked(id string, v bool) {
	if !app.IsClient {
		return
	}
	if el := app.Window().GetElementByID(id); el.Truthy() && el.Get("checked").Bool() != v {
		el.Set("checked", v)
	}
}
