package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// awaitPromise waits for a JavaScript promise without blocking: ok receives
// its value, or fail the message of its rejection (an Error's message, else
// the reason as text). Both run on the UI goroutine through ctx.Dispatch, and
// the callbacks are released once the promise settles.
func awaitPromise(ctx app.Context, promise app.Value, ok func(ctx app.Context, value app.Value), fail func(ctx app.Context, message string)) {
	var resolved, rejected app.Func
	release := func() {
		resolved.Release()
		rejected.Release()
	}
	resolved = app.FuncOf(func(this app.Value, args []app.Value) any {
		value := app.Undefined()
		if len(args) > 0 {
			value = args[0]
		}
		ctx.Dispatch(func(ctx app.Context) { ok(ctx, value) })
		release()
		return nil
	})
	rejected = app.FuncOf(func(this app.Value, args []app.Value) any {
		msg := rejection(args)
		ctx.Dispatch(func(ctx app.Context) { fail(ctx, msg) })
		release()
		return nil
	})
	promise.Call("then", resolved, rejected)
}

// rejection is the message of a promise's rejection reason.
func rejection(args []app.Value) string {
	if len(args) == 0 || !args[0].Truthy() {
		return "unknown error"
	}
	if msg := args[0].Get("message"); msg.Type() == app.TypeString && msg.String() != "" {
		return msg.String()
	}
	return args[0].Call("toString").String()
}
