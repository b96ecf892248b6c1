package app

import (
	"errors"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// layoutFunc is the JavaScript function of web/layout-client.js that hands
// DOT text to the render worker: plLayout(dot, onProgress, hash) →
// Promise<svg>; with a hash it first asks the site for a prerendered layout.
const layoutFunc = "plLayout"

// requestLayout asks the browser's render worker to lay out dot, whose
// DOTHash is hash. onProgress
// receives the worker's progress words; done receives the raw SVG or an
// error. Both run on the UI goroutine through ctx.Dispatch.
func requestLayout(ctx app.Context, dot, hash string, onProgress func(string), done func(svg string, err error)) {
	if !app.IsClient {
		done("", errors.New("layout runs in the browser only"))
		return
	}
	win := app.Window()
	if !win.Get(layoutFunc).Truthy() {
		done("", errors.New("the layout client (web/layout-client.js) is not loaded"))
		return
	}
	var progress, ok, fail app.Func
	release := func() {
		progress.Release()
		ok.Release()
		fail.Release()
	}
	progress = app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) > 0 {
			word := args[0].String()
			ctx.Dispatch(func(app.Context) { onProgress(word) })
		}
		return nil
	})
	ok = app.FuncOf(func(this app.Value, args []app.Value) any {
		svg := ""
		if len(args) > 0 {
			svg = args[0].String()
		}
		ctx.Dispatch(func(app.Context) { done(svg, nil) })
		release()
		return nil
	})
	fail = app.FuncOf(func(this app.Value, args []app.Value) any {
		msg := "layout failed"
		if len(args) > 0 && args[0].Truthy() {
			msg = args[0].Call("toString").String()
		}
		ctx.Dispatch(func(app.Context) { done("", errors.New(msg)) })
		release()
		return nil
	})
	win.Call(layoutFunc, dot, progress, hash).Call("then", ok, fail)
}
