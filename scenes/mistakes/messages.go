package mistakes

import "strings"

// Messages returns the kind's message in English and Korean; {arg} stands
// for the Mistake's Arg. The CLI prints them; the page gets them with its
// data (internal/site), so the module does not carry them.
func (k Kind) Messages() (en, ko string) {
	switch k {
	case Blocking:
		return "{arg} blocks the event loop's only thread: no other task or callback runs until it returns. In async code, wait with await asyncio.sleep(), and hand blocking work to asyncio.to_thread().",
			"{arg} 호출이 이벤트 루프의 하나뿐인 스레드를 막습니다. 이 호출이 돌아올 때까지 다른 태스크도 콜백도 실행되지 못합니다. 비동기 코드에서는 await asyncio.sleep()으로 기다리고, 막는 작업은 asyncio.to_thread()에 맡기세요."
	case LongStep:
		return "This step of the task ran over {arg} Python instructions without an await, and all that time the loop could run nothing else. Give the loop a turn now and then with await asyncio.sleep(0), or run the work in an executor (loop.run_in_executor).",
			"이 태스크의 한 단계가 await 없이 파이썬 명령을 {arg}개 넘게 실행했고, 그동안 루프는 다른 일을 하나도 하지 못했습니다. 중간중간 await asyncio.sleep(0)으로 루프에 차례를 넘기거나, 작업을 실행기(loop.run_in_executor)에서 실행하세요."
	case NeverAwaited:
		return "The coroutine that {arg}() makes here is never awaited, so its body never runs (Python warns \"coroutine '{arg}' was never awaited\"). Await it, or make a task of it with asyncio.create_task().",
			"여기서 {arg}() 호출이 만든 코루틴을 아무도 await하지 않아서 본문이 한 번도 실행되지 않습니다(파이썬은 \"coroutine '{arg}' was never awaited\" 경고를 냅니다). await하거나 asyncio.create_task()로 태스크를 만드세요."
	case NeverRetrieved:
		return "The task made here failed ({arg}) and nobody retrieved its exception: Python only logs \"Task exception was never retrieved\" when the task is thrown away. Await the task (or call its result() or exception()) to handle the error.",
			"여기서 만든 태스크가 실패했지만({arg}) 아무도 그 예외를 가져가지 않았습니다. 파이썬은 태스크를 버릴 때 \"Task exception was never retrieved\" 기록만 남깁니다. 오류를 처리하려면 태스크를 await하세요(또는 result()나 exception()을 부르세요)."
	case DroppedTask:
		return "The task made here is not kept anywhere. The event loop holds its tasks only by weak references, so a task nobody refers to can vanish before it finishes. Keep it in a variable (or a set) and await it.",
			"여기서 만든 태스크를 어디에도 담아 두지 않습니다. 이벤트 루프는 태스크를 약한 참조로만 들고 있어서, 아무도 가리키지 않는 태스크는 끝나기 전에 사라질 수 있습니다. 변수(또는 집합)에 담아 두고 await하세요."
	case Sequential:
		return "This await starts only after the one on line {arg} has finished, though it does not use its result, and the loop sat idle through both waits. Run the two at the same time with asyncio.gather() or a TaskGroup.",
			"이 await는 {arg}번째 줄의 await가 끝난 뒤에야 시작합니다. 그 결과를 쓰지도 않는데, 두 번 기다리는 내내 루프는 할 일 없이 놀았습니다. asyncio.gather()나 TaskGroup으로 둘을 동시에 실행하세요."
	case NestedRun:
		return "asyncio.run() is called while an event loop is already running on this thread, so it raises RuntimeError. asyncio.run() starts a whole program; inside a coroutine, await the coroutine instead (or make a task of it).",
			"이 스레드에서 이벤트 루프가 이미 돌고 있는데 asyncio.run()을 불러서 RuntimeError가 납니다. asyncio.run()은 프로그램 전체를 시작할 때 씁니다. 코루틴 안에서는 대신 그 코루틴을 await하세요(또는 태스크로 만드세요)."
	}
	return "", ""
}

// Message returns the mistake's message in lang ("en" or "ko"; English
// for any other).
func (m Mistake) Message(lang string) string {
	t, ko := m.Kind.Messages()
	if lang == "ko" {
		t = ko
	}
	return strings.ReplaceAll(t, "{arg}", m.Arg)
}
