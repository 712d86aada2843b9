package playback

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"loopscope/scenes/trace"
)

// Lang is the language the stage speaks: its captions, labels and units.
type Lang uint8

// The languages.
const (
	EN Lang = iota // English
	KO             // Korean
)

// ParseLang returns the language a page's code names ("ko", "en"); anything
// else is English.
func ParseLang(code string) Lang {
	if strings.EqualFold(code, "ko") {
		return KO
	}
	return EN
}

// String returns the language's code: "en" or "ko".
func (l Lang) String() string {
	if l == KO {
		return "ko"
	}
	return "en"
}

// msg is one message of the stage; messages holds its words in each
// language.
type msg uint16

// The stage's messages. Captions (c...) say what an event did; labels
// (the rest) name what the stage draws.
const (
	cPressPlay msg = iota
	cLoopStart
	cSelectNoTimeout
	cSelectPoll
	cSelectWait
	cTimers
	cReadyOne
	cReadyN
	cPhaseOther
	cShutdown
	cLoopStop
	cClockJump
	cClockStall
	cClockWoken
	cTaskNew
	cTaskFirstStep
	cTaskResume
	cTaskResumeAfter
	cTaskYield
	cTaskAwaits
	cTaskFailed
	cTaskCancelled
	cTaskReturned
	cTaskCancel
	cTaskRename
	cFutureNewFor
	cFutureNew
	cFutureResult
	cFutureException
	cFutureCancelled
	cFutureCallback
	cHandleNew
	cHandleRun
	cHandleCancel
	cHandleSkip
	cTimerNew
	cTimerDue
	cTimerCancel
	cThreadNew
	cStall
	cSelectUntil
	cSelectForever
	cThreadBlocks
	cThreadWake
	cThreadEnd
	cJobNew
	cJobStart
	cAJob
	cJobDoneResult
	cJobDoneException
	cJobDone
	cSyncNew
	cSyncWait
	cSyncWake
	cSyncOp
	cLockAcquire
	cLockRelease
	cEventSet
	cEventClear
	cSemaphoreOp
	cQueueOp
	cPrint
	cRaise
	cUncaught
	cStopped
	cStopSteps
	cStopMemory
	cStopDeadlock
	cStopInterrupted
	cStopEvents
	cStopTime
	cSeed
	cSockListen
	cSockConnect
	cSockRefused
	cSockAccept
	cSockSend
	cSockRecv
	cSockReset
	cSockShutdown
	cSockClose
	cSockReadyRead
	cSockReadyWrite
	cSockWatchRead
	cSockWatchWrite
	cSockUnwatchRead
	cSockUnwatchWrite
	cSockRead
	cSockStreams
	cSockBuffer
	cSockBufferEmpty
	cSockPause
	cSockResume
	cRequestStart
	cRequestAnswer
	cDependsCall
	cDependsSolve
	cEndpointCall
	cDependsThread
	cDependsYield
	cDependsDone
	cDependsFailed
	cDependsCached
	cDependsTeardown
	cSocket
	cSocketLabel
	cDepends
	cDependsLabel
	cRequest
	cRequestLabel
	cOther

	// Banners.
	bStall
	bStallUntil
	bUncaught

	// Section headings.
	hEventLoop
	hOnLoopThread
	hTimerHeap
	hReadyQueue
	hTasks
	hFutures
	hTimersFutures
	hTimeline

	// The dial, the clock and the running slot.
	lEventLoop
	lNotStarted
	lStopped
	lIteration
	lPhaseSelect
	lPhaseTimers
	lPhaseReady
	lPhaseShutdown
	lBlocked
	lVirtualClock
	lFastForward
	lSlotBlocked
	lSlotSelect
	lSlotPhase
	lSlotIdle
	lRunning
	lRuns

	// Timers, the ready queue, "+N more".
	lWake
	lMoreTimers
	lNoTimer
	lMore
	lChipCancelled
	lChipTimerDue
	lChipSteps
	lChipFor
	lEmpty
	lTimerAt

	// The I/O view.
	hSelector
	hSelectorReady
	hServer
	hServerClosed
	hClients
	lNoSockets
	lSockListen
	lSockClient
	lSockServer
	lRead
	lWrite
	lWatch
	lReadyFor
	lRefused
	lReset
	lClosed
	lEndBytes
	lPipe
	lPipeNone
	lInFlight
	lBuffered
	lDrainWaits
	lMoreConns

	// Task states and cards.
	lTaskPending
	lTaskReady
	lTaskRunning
	lTaskWaiting
	lTaskDone
	lTaskFailed
	lTaskCancelled
	lAtLine
	lCancelling
	lNotStartedYet
	lInReadyQueue
	lBlocksLoop
	lRunningStep
	lWaitsOn
	lYielded
	lAwaits
	lAwaitsFor
	lRunCleanup
	lReturned
	lNoTask
	lLegend
	lLegendGroup
	lCountState
	lMoreTasks

	// Futures, sync objects, executor jobs.
	lJobQueued
	lJobRunningOn
	lJob
	lSize
	lUnlocked
	lLocked
	lEventClear
	lEventSet
	lMaxWorkers
	lValue
	lWaiting
	lFuturePending
	lFutureDone
	lFutureFailed
	lFutureCancelled
	lCallback
	lPlus
	lNoFuture

	// The timeline.
	lLoopLane
	lCallbacks
	lStallLane
	lStep
	lSeconds

	// Arrows.
	aCallbackToReady
	aAwaits
	aWaits

	// The stage itself.
	sBug

	// Layout words that say what a number counts, and shorter forms for
	// narrow stages.
	hTimelineShort
	hTimelineShortest
	lUnfinished
	lOtherTask
	lOtherTasks
	lGhostSub
	lTitleMore
	lOtherThreads

	// The await graph.
	hAwaits
	lTied
	lNoneAlive
	lMoreAwaits
	lMoreAwaitsSub

	// The Depends view.
	dNone
	dWaiting
	dLoop
	dThread
	dDone
	dYield
	dCached
	dTorn
	dFailed
	dSkipped
	dEndpoint
	dSent
	dRaised
	dNoResponse
	dMoreDeps
	dMoreRequests

	// A mistake the scene makes (mistakes.go): the banner's line, then
	// each kind's words, in package mistakes' order of kinds.
	bMistake
	mBlocking
	mLongStep
	mNeverAwaited
	mNeverRetrieved
	mDroppedTask
	mSequential
	mNestedRun

	numMsgs
)

// messages is every word the stage shows, English and Korean side by
// side. {1}, {2}... stand for the arguments; in Korean, {1|이} is argument
// 1 followed by 이 or 가 as its last sound asks (likewise 은/는, 을/를,
// 과/와, 으로/로), so a particle after a name reads as a Korean teacher
// would write it.
var messages = [numMsgs][2]string{
	cPressPlay:        {"Press play: nothing has happened yet.", "재생을 누르세요. 아직 아무 일도 일어나지 않았습니다."},
	cLoopStart:        {"asyncio.run starts the event loop on {1}.", "asyncio.run이 {1}에서 이벤트 루프를 시작합니다."},
	cSelectNoTimeout:  {"Nothing is ready and no timer is armed: the loop waits for I/O with no timeout.", "준비된 콜백도, 걸린 타이머도 없습니다. 루프는 시간 제한 없이 I/O를 기다립니다."},
	cSelectPoll:       {"Something is ready: the loop polls for I/O without waiting.", "준비된 콜백이 있습니다. 루프는 기다리지 않고 I/O만 확인합니다."},
	cSelectWait:       {"Nothing is ready: the loop waits up to {1} for the next timer.", "준비된 콜백이 없습니다. 루프는 다음 타이머까지 최대 {1} 동안 기다립니다."},
	cTimers:           {"The loop moves every timer that is due to the ready queue.", "루프가 시간이 된 타이머를 모두 준비 큐로 옮깁니다."},
	cReadyOne:         {"The loop runs the one callback that was ready when this turn began.", "루프가 이번 반복을 시작할 때 준비되어 있던 콜백 하나를 실행합니다."},
	cReadyN:           {"The loop runs the {1} callbacks that were ready when this turn began, in FIFO order.", "루프가 이번 반복을 시작할 때 준비되어 있던 콜백 {1}개를 들어온 순서(FIFO)대로 실행합니다."},
	cPhaseOther:       {"The loop enters {1}.", "루프가 {1} 단계에 들어갑니다."},
	cShutdown:         {"The main task is done: asyncio.run shuts down (it cancels the tasks left, closes async generators and the default executor, then closes the loop).", "메인 태스크가 끝났습니다. asyncio.run이 마무리 작업을 합니다. 남은 태스크를 취소하고, 비동기 제너레이터와 기본 실행기를 닫은 뒤 루프를 닫습니다."},
	cLoopStop:         {"The event loop stops.", "이벤트 루프가 멈춥니다."},
	cClockJump:        {"Nothing to do until the next timer: the clock jumps from {1} to {2}.", "다음 타이머까지 할 일이 없습니다. 시계가 {1}에서 {2|로} 건너뜁니다."},
	cClockStall:       {"The loop thread is blocked in {1}: the clock runs from {2} to {3} and nothing else can run.", "루프 스레드가 {1}에서 막혀 있습니다. 시계가 {2}에서 {3|로} 가는 동안 다른 어떤 것도 실행되지 못합니다."},
	cClockWoken:       {"Nothing to do until another thread or I/O wakes the loop: the clock jumps from {1} to {2}.", "다른 스레드나 I/O가 루프를 깨울 때까지 할 일이 없습니다. 시계가 {1}에서 {2|로} 건너뜁니다."},
	cTaskNew:          {"{1} is created to run {2}; its first step goes to the ready queue.", "{2|를} 실행할 태스크 {1|이} 만들어집니다. 첫 단계가 준비 큐에 들어갑니다."},
	cTaskFirstStep:    {"{1} starts running {2} on the loop thread.", "{1|이} 루프 스레드에서 {2|를} 실행하기 시작합니다."},
	cTaskResume:       {"{1} resumes at line {2}.", "{1|이} {2}번 줄에서 다시 실행됩니다."},
	cTaskResumeAfter:  {"{3} is done: {1} resumes at line {2}.", "{3|이} 끝나서 {1|이} {2}번 줄에서 다시 실행됩니다."},
	cTaskYield:        {"{1} yields to the loop (a bare yield: sleep(0)) and is rescheduled.", "{1|이} 값 없이 yield하여(sleep(0)) 루프에 차례를 넘기고, 곧바로 다시 예약됩니다."},
	cTaskAwaits:       {"{1} awaits {2} and hands the loop back.", "{1|이} {2|를} await하며 루프에 제어를 돌려줍니다."},
	cTaskFailed:       {"{1} failed: {2}.", "{1|이} 예외로 끝납니다: {2}."},
	cTaskCancelled:    {"{1} ended cancelled.", "{1|이} 취소된 채로 끝납니다."},
	cTaskReturned:     {"{1} finished and returned {2}.", "{1|이} 끝나고 값을 반환합니다: {2}."},
	cTaskCancel:       {"cancel() is requested on {1}: CancelledError will be thrown in at its await.", "{1}에 cancel()이 요청됩니다. 기다리던 await 지점에서 CancelledError가 발생합니다."},
	cTaskRename:       {"The task is renamed {1}.", "태스크 이름이 {1|로} 바뀝니다."},
	cFutureNewFor:     {"{1} is created for {2}.", "{2|를} 위한 퓨처 {1|이} 만들어집니다."},
	cFutureNew:        {"{1} is created.", "퓨처 {1|이} 만들어집니다."},
	cFutureResult:     {"{1} is done with result {2}: its callbacks are scheduled.", "{1|이} 완료됩니다(결과 {2}). 등록된 콜백이 준비 큐에 예약됩니다."},
	cFutureException:  {"{1} fails with {2}: its callbacks are scheduled.", "{1|이} 예외로 실패합니다({2}). 등록된 콜백이 준비 큐에 예약됩니다."},
	cFutureCancelled:  {"{1} is cancelled: its callbacks are scheduled.", "{1|이} 취소됩니다. 등록된 콜백이 준비 큐에 예약됩니다."},
	cFutureCallback:   {"{1} is added as a done-callback of {2}.", "{1|이} {2}의 완료 콜백으로 등록됩니다."},
	cHandleNew:        {"{1} joins the ready queue at position {2}.", "{1|이} 준비 큐의 {2}번째 자리에 들어갑니다."},
	cHandleRun:        {"The loop takes {1} from the head of the ready queue and runs it.", "루프가 준비 큐 맨 앞에서 {1|를} 꺼내 실행합니다."},
	cHandleCancel:     {"A handle is cancelled: it stays queued and will be skipped.", "핸들이 취소됩니다. 큐에는 남아 있지만 차례가 오면 건너뜁니다."},
	cHandleSkip:       {"The loop pops a cancelled handle and skips it.", "루프가 취소된 핸들을 꺼내고 실행하지 않은 채 건너뜁니다."},
	cTimerNew:         {"A timer is armed for {1}: then it will call {2}.", "{1}에 울릴 타이머가 걸립니다. 그때 {2|를} 호출합니다."},
	cTimerDue:         {"The timer is due: {1} moves to the ready queue.", "타이머 시간이 되었습니다. {1|이} 준비 큐로 옮겨집니다."},
	cTimerCancel:      {"A timer is cancelled before it was due.", "타이머가 시간이 되기 전에 취소됩니다."},
	cThreadNew:        {"Thread {1} is created.", "스레드 {1|이} 만들어집니다."},
	cStall:            {"STALL: the loop thread is blocked in {1}. Nothing else can run until it returns.", "멈춤: 루프 스레드가 {1}에서 막혀 있습니다. 이 호출이 돌아올 때까지 다른 어떤 것도 실행되지 못합니다."},
	cSelectUntil:      {"The loop thread sleeps in select until {1}: nothing to run before then.", "루프 스레드가 {1}까지 select에서 잠듭니다. 그 전에는 실행할 것이 없습니다."},
	cSelectForever:    {"The loop thread sleeps in select until some I/O or another thread wakes it.", "루프 스레드가 select에서 잠듭니다. I/O나 다른 스레드가 깨울 때까지 기다립니다."},
	cThreadBlocks:     {"{1} blocks in {2}.", "{1|이} {2}에서 멈춰 기다립니다(블로킹)."},
	cThreadWake:       {"{1} runs again.", "{1|이} 다시 실행됩니다."},
	cThreadEnd:        {"{1} ends.", "{1|이} 끝납니다."},
	cJobNew:           {"{1} is queued for the executor; {2} will carry its result.", "{1|이} 실행기의 작업 큐에 들어갑니다. 결과는 {2|이} 전해 줍니다."},
	cJobStart:         {"{1} takes {2} and runs it off the loop thread.", "{1|이} {2|를} 맡아 루프 스레드 밖에서 실행합니다."},
	cAJob:             {"a job", "작업"},
	cJobDoneResult:    {"The executor job finished and returned.", "실행기 작업이 끝나고 값을 돌려줍니다."},
	cJobDoneException: {"The executor job finished with an exception.", "실행기 작업이 예외로 끝납니다."},
	cJobDone:          {"The executor job finished ({1}).", "실행기 작업이 끝납니다({1})."},
	cSyncNew:          {"An asyncio.{1} is created.", "asyncio.{1|이} 만들어집니다."},
	cSyncWait:         {"{1} waits on {2} ({3}).", "{1|이} {2}에서 기다립니다({3})."},
	cSyncWake:         {"{1} wakes a waiter.", "{1|이} 기다리던 태스크 하나를 깨웁니다."},
	cSyncOp:           {"{1}: {2} (now {3}).", "{1}: {2} (이제 값 {3})."},
	cLockAcquire:      {"{1} is acquired: it is locked now.", "{1|이} 잠깁니다(acquire)."},
	cLockRelease:      {"{1} is released: it is unlocked now.", "{1|이} 풀립니다(release)."},
	cEventSet:         {"{1} is set: every task waiting on it may go on.", "{1|이} 켜집니다(set). 기다리던 태스크는 모두 계속할 수 있습니다."},
	cEventClear:       {"{1} is cleared.", "{1|이} 꺼집니다(clear)."},
	cSemaphoreOp:      {"{1}: {2} (free slots now: {3}).", "{1}: {2} (이제 남은 자리 {3}개)."},
	cQueueOp:          {"{1}: {2} (items in it now: {3}).", "{1}: {2} (이제 {3}개 들어 있음)."},
	cPrint:            {"print writes {1} to the console.", "print가 콘솔에 씁니다: {1}"},
	cRaise:            {"raise {1}", "예외가 발생합니다: raise {1}"},
	cUncaught:         {"The scene ends with an uncaught exception: {1}", "잡히지 않은 예외로 장면이 끝납니다: {1}"},
	cStopped:          {"Stopped: {1}", "실행이 중단되었습니다: {1}"},
	cStopSteps:        {"Stopped at line {1}: the scene ran too many Python steps without finishing (a loop that never ends?).", "{1}번 줄에서 멈췄습니다. 장면이 끝나지 않은 채 파이썬 명령을 너무 많이 실행했습니다(끝나지 않는 루프일 수 있습니다)."},
	cStopMemory:       {"Stopped at line {1}: the scene's objects took more memory than a scene may use (a list that grows without end?).", "{1}번 줄에서 멈췄습니다. 장면의 객체가 장면에 허용된 것보다 많은 메모리를 차지했습니다(끝없이 커지는 리스트일 수 있습니다)."},
	cStopDeadlock:     {"Stopped at line {1}: every task waits on something that can never happen (a deadlock). {2}", "{1}번 줄에서 멈췄습니다. 모든 태스크가 결코 일어나지 않을 일을 기다립니다(교착 상태). {2}"},
	cStopInterrupted:  {"Stopped at line {1}: you pressed Stop, and the stage plays what ran until then.", "{1}번 줄에서 멈췄습니다. 실행을 멈췄으므로 무대는 그때까지 실행된 부분을 보여 줍니다."},
	cStopEvents:       {"Stopped at line {1}: the run made more events than playback can keep.", "{1}번 줄에서 멈췄습니다. 재생이 담을 수 있는 것보다 많은 이벤트가 생겼습니다."},
	cStopTime:         {"Stopped at line {1}: the scene would sleep past the virtual time limit (sleeps in a loop that never ends?).", "{1}번 줄에서 멈췄습니다. 장면이 가상 시간의 한도를 넘어서까지 잠들려 했습니다(끝나지 않는 루프 안의 sleep일 수 있습니다)."},
	cSeed:             {"{1} is seeded with {2}, as the scene gave no seed (run it with -seed {2} to get the same numbers again).", "장면이 시드를 정하지 않아 {1}의 시드를 {2|로} 정합니다(-seed {2|로} 실행하면 같은 수가 다시 나옵니다)."},
	cSockListen:       {"A server socket listens on {1}.", "서버 소켓이 {1}에서 연결을 기다립니다(listen)."},
	cSockConnect:      {"A client connects to {1}.", "클라이언트가 {1}에 연결합니다(connect)."},
	cSockRefused:      {"A connection to {1} is refused: nothing listens there.", "{1}에 연결하려 했지만 거부됩니다. 그곳에서 기다리는 서버가 없습니다."},
	cSockAccept:       {"The server accepts a connection from {1}.", "서버가 {1}에서 온 연결을 받아들입니다(accept)."},
	cSockSend:         {"A socket sends {2} bytes: {1}", "소켓이 {2}바이트를 보냅니다(send): {1}"},
	cSockRecv:         {"A socket receives {2} bytes: {1}", "소켓이 {2}바이트를 받습니다(recv): {1}"},
	cSockReset:        {"The connection is reset.", "연결이 끊어집니다(reset)."},
	cSockShutdown:     {"A socket shuts its sending side.", "소켓이 보내는 쪽을 닫습니다(shutdown)."},
	cSockClose:        {"A socket is closed.", "소켓이 닫힙니다(close)."},
	cSockReadyRead:    {"The selector reports a socket ready to read.", "셀렉터가 읽을 준비가 된 소켓을 알려 줍니다."},
	cSockReadyWrite:   {"The selector reports a socket ready to write.", "셀렉터가 쓸 수 있는 소켓을 알려 줍니다."},
	cSockWatchRead:    {"The selector now watches a socket for data to read (add_reader).", "셀렉터가 이제 소켓에 읽을 데이터가 오는지 감시합니다(add_reader)."},
	cSockWatchWrite:   {"The selector now watches a socket until it can write (add_writer).", "셀렉터가 이제 소켓에 쓸 수 있는지 감시합니다(add_writer)."},
	cSockUnwatchRead:  {"The selector stops watching a socket for reading (remove_reader).", "셀렉터가 이제 소켓에 읽을 데이터가 오는지 감시하지 않습니다(remove_reader)."},
	cSockUnwatchWrite: {"The selector stops watching a socket for writing (remove_writer).", "셀렉터가 이제 소켓에 쓸 수 있는지 감시하지 않습니다(remove_writer)."},
	cSockRead:         {"The StreamReader hands {2} bytes to its task: {1}", "StreamReader가 태스크에 {2}바이트를 넘겨줍니다: {1}"},
	cSockStreams:      {"{1} gets the connection's StreamReader and StreamWriter.", "{1|이} 이 연결의 StreamReader와 StreamWriter를 받습니다."},
	cSockBuffer:       {"{2} bytes wait in the transport's write buffer: the socket has no room for them yet.", "{2}바이트가 트랜스포트의 쓰기 버퍼에서 기다립니다. 소켓에 아직 자리가 없습니다."},
	cSockBufferEmpty:  {"The transport's write buffer is empty: the socket took it all.", "트랜스포트의 쓰기 버퍼가 비었습니다. 소켓이 모두 받았습니다."},
	cSockPause:        {"The write buffer holds more than 64 KiB: the transport pauses writing (pause_writing), and drain() waits.", "쓰기 버퍼가 64KiB를 넘었습니다. 트랜스포트가 쓰기를 멈추게 하고(pause_writing), drain()은 기다립니다."},
	cSockResume:       {"The write buffer is down to 16 KiB or less: the transport resumes writing (resume_writing), and drain() returns.", "쓰기 버퍼가 16KiB 이하로 줄었습니다. 트랜스포트가 쓰기를 다시 허락하고(resume_writing), drain()이 돌아옵니다."},
	cRequestStart:     {"The request {1} enters the app.", "요청 {1|이} 앱에 들어옵니다."},
	cRequestAnswer:    {"The app answers {1} with status {2}.", "앱이 요청 {1}에 상태 코드 {2|로} 응답합니다."},
	cDependsCall:      {"The dependency {1} is called: an async def, it runs on the loop.", "의존성 {1|이} 호출됩니다. async def라서 루프에서 실행됩니다."},
	cDependsSolve:     {"FastAPI reaches {1}: its own dependencies are solved first.", "FastAPI가 {1}의 의존성부터 해결합니다."},
	cEndpointCall:     {"Every dependency is solved: the endpoint {1} is called with their values.", "모든 의존성이 해결되었습니다. 요청을 처리할 함수 {1|이} 그 값으로 호출됩니다."},
	cDependsThread:    {"The dependency {1} is called: a plain def, it runs in a worker thread of the pool.", "의존성 {1|이} 호출됩니다. 일반 def라서 스레드 풀의 작업 스레드에서 실행됩니다."},
	cDependsYield:     {"{1} reaches its yield: its value is ready; the code after the yield runs after the response.", "{1|이} yield까지 실행되었습니다. 값은 준비되었고, yield 다음 코드는 응답 뒤에 실행됩니다."},
	cDependsDone:      {"{1} returns its value.", "{1|이} 값을 돌려줍니다."},
	cDependsFailed:    {"{1} fails: it raised, or its parameters did not validate.", "{1|이} 실패합니다. 예외가 났거나 요청의 값이 올바르지 않습니다."},
	cDependsCached:    {"The dependency {1} was already called for this request: its value is reused.", "의존성 {1|은} 이 요청에서 이미 호출되었습니다. 그 값을 다시 씁니다."},
	cDependsTeardown:  {"The dependency {1} is torn down: the code after its yield runs.", "의존성 {1}의 정리 단계입니다. yield 다음 코드가 실행됩니다."},
	cSocket:           {"socket: {1}", "소켓: {1}"},
	cSocketLabel:      {"socket: {1} ({2})", "소켓: {1} ({2})"},
	cDepends:          {"depends: {1}", "의존성: {1}"},
	cDependsLabel:     {"depends: {1} ({2})", "의존성: {1} ({2})"},
	cRequest:          {"request: {1}", "요청: {1}"},
	cRequestLabel:     {"request: {1} ({2})", "요청: {1} ({2})"},
	cOther:            {"event {1}", "이벤트 {1}"},

	bStall:      {"LOOP BLOCKED in {1}: no task, no callback can run", "루프가 {1}에서 막혔습니다. 어떤 태스크도 콜백도 실행되지 못합니다"},
	bStallUntil: {"LOOP BLOCKED in {1}: no task, no callback can run until {2}", "루프가 {1}에서 막혔습니다. {2}까지 어떤 태스크도 콜백도 실행되지 못합니다"},
	bUncaught:   {"Uncaught: {1}", "잡히지 않은 예외: {1}"},

	hEventLoop:     {"EVENT LOOP", "이벤트 루프"},
	hOnLoopThread:  {"ON THE LOOP THREAD", "루프 스레드에서 실행 중"},
	hTimerHeap:     {"TIMER HEAP · {1} armed", "타이머 힙 · {1}개 걸림"},
	hReadyQueue:    {"READY QUEUE (FIFO: head first) · {1} queued", "준비 큐 (FIFO: 앞부터 실행) · {1}개 대기"},
	hTasks:         {"TASKS · {1} created, {2} alive", "태스크 · {1}개 생성, {2}개 살아 있음"},
	hFutures:       {"FUTURES, SYNC OBJECTS & EXECUTOR JOBS", "퓨처 · 동기화 객체 · 실행기 작업"},
	hTimersFutures: {"TIMER HEAP, FUTURES, SYNC OBJECTS & JOBS", "타이머 힙 · 퓨처 · 동기화 객체 · 작업"},
	hTimeline:      {"THREADS & WHO HELD THE LOOP THREAD (width: half events, half virtual time)", "스레드 · 루프 스레드를 쓴 쪽 (너비: 절반은 이벤트 수, 절반은 가상 시간)"},

	lEventLoop:     {"event loop", "이벤트 루프"},
	lNotStarted:    {"not started", "시작 전"},
	lStopped:       {"stopped", "멈춤"},
	lIteration:     {"iteration {1}", "{1}번째 반복"},
	lPhaseSelect:   {"select", "select"},
	lPhaseTimers:   {"timers", "타이머"},
	lPhaseReady:    {"ready", "준비"},
	lPhaseShutdown: {"shutdown", "마무리"},
	lBlocked:       {"blocked", "막힘"},
	lVirtualClock:  {"virtual clock", "가상 시계"},
	lFastForward:   {">> fast-forward", ">> 빨리 감기"},
	lSlotBlocked:   {"blocked: {1}", "막힘: {1}"},
	lSlotSelect:    {"waiting in select", "select에서 기다리는 중"},
	lSlotPhase:     {"loop: {1}", "루프: {1} 단계"},
	lSlotIdle:      {"idle", "쉬는 중"},
	lRunning:       {"running", "실행 중"},
	lRuns:          {"runs {1}", "{1} 실행"},

	lWake:          {"wake {1} {2}", "깨우기: {1} {2}"},
	lMoreTimers:    {"+{1} more timers", "타이머 {1}개 더"},
	lNoTimer:       {"(no timer armed)", "(걸린 타이머 없음)"},
	lMore:          {"+{1} more", "{1}개 더"},
	lChipCancelled: {"cancelled: will be skipped", "취소됨: 건너뜀"},
	lChipTimerDue:  {"timer fell due", "시간이 된 타이머"},
	lChipSteps:     {"steps {1}", "{1} 단계"},
	lChipFor:       {"for {1}", "대상 {1}"},
	lEmpty:         {"(empty)", "(비어 있음)"},
	lTimerAt:       {"timer at {1}", "타이머 {1}"},

	hSelector:      {"SELECTOR (epoll) · {1} sockets watched", "셀렉터(epoll) · 감시 중인 소켓 {1}개"},
	hSelectorReady: {"SELECTOR (epoll) · {1} sockets watched · the select of iteration {3} found {2} ready", "셀렉터(epoll) · 감시 중인 소켓 {1}개 · {3}번째 반복의 select에서 {2}개 준비됨"},
	hServer:        {"SERVER {1} · {2} connections accepted", "서버 {1} · 받은 연결 {2}개"},
	hServerClosed:  {"SERVER {1} · {2} connections accepted · closed", "서버 {1} · 받은 연결 {2}개 · 닫힘"},
	hClients:       {"CLIENT ENDS NOT ACCEPTED", "받아들여지지 않은 클라이언트 쪽"},
	lNoSockets:     {"(no socket watched)", "(감시 중인 소켓 없음)"},
	lSockListen:    {"listening on {1}", "{1}에서 연결 대기"},
	lSockClient:    {"client end {1} → {2}", "클라이언트 쪽 {1} → {2}"},
	lSockServer:    {"server end, client {1}", "서버 쪽, 클라이언트 {1}"},
	lRead:          {"read", "읽기"},
	lWrite:         {"write", "쓰기"},
	lWatch:         {"watched for {1}", "감시: {1}"},
	lReadyFor:      {"READY: {1}", "준비됨: {1}"},
	lRefused:       {"connection refused", "연결 거부됨"},
	lReset:         {"connection reset", "연결 끊김(reset)"},
	lClosed:        {"closed", "닫힘"},
	lEndBytes:      {"task read {1} · {2} in StreamReader", "태스크가 {1} 읽음 · StreamReader에 {2}"},
	lPipe:          {"{1} sent so far · last {2}", "지금까지 {1} · 마지막 {2}"},
	lPipeNone:      {"nothing sent yet", "아직 아무것도 보내지 않음"},
	lInFlight:      {"{1} on the way", "{1} 가는 중"},
	lBuffered:      {"buffered {1}", "버퍼 {1}"},
	lDrainWaits:    {"drain() waits · buffered {1}", "drain() 대기 · 버퍼 {1}"},
	lMoreConns:     {" · +{1} more connections", " · 연결 {1}개 더"},

	lTaskPending:   {"pending", "시작 전"},
	lTaskReady:     {"ready", "준비됨"},
	lTaskRunning:   {"running", "실행 중"},
	lTaskWaiting:   {"waiting", "대기 중"},
	lTaskDone:      {"done", "완료"},
	lTaskFailed:    {"failed", "실패"},
	lTaskCancelled: {"cancelled", "취소됨"},
	lAtLine:        {"{1} · line {2}", "{1} · {2}번 줄"},
	lCancelling:    {"{1} · cancelling", "{1} · 취소 중"},
	lNotStartedYet: {"not started yet", "아직 시작 전"},
	lInReadyQueue:  {"in the ready queue", "준비 큐에 있음"},
	lBlocksLoop:    {"BLOCKS the loop: {1}", "루프를 막음: {1}"},
	lRunningStep:   {"running its step", "한 단계 실행 중"},
	lWaitsOn:       {"waits on {1} ({2})", "기다림: {1} ({2})"},
	lYielded:       {"yielded: rescheduled", "양보함: 다시 예약됨"},
	lAwaits:        {"awaits {1}", "기다림: {1}"},
	lAwaitsFor:     {"awaits {1} {2}", "기다림: {1} {2}"},
	lRunCleanup:    {"asyncio.run's cleanup", "asyncio.run의 정리 작업"},
	lReturned:      {"→ {1}", "→ {1}"},
	lNoTask:        {"(no task yet)", "(아직 태스크 없음)"},
	lLegend:        {"each square is a task: blue ready, yellow running, tinted waiting, green done, red failed", "네모 하나 = 태스크 하나: 파랑 준비, 노랑 실행, 옅은 색 대기, 초록 완료, 빨강 실패"},
	lLegendGroup:   {"each square is {1} tasks (the busiest shown): blue ready, yellow running, tinted waiting, green done, red failed", "네모 하나 = 태스크 {1}개 (가장 바쁜 것의 색): 파랑 준비, 노랑 실행, 옅은 색 대기, 초록 완료, 빨강 실패"},
	lCountState:    {"{1} {2}", "{2} {1}개"},
	lMoreTasks:     {"+{1} more tasks", "태스크 {1}개 더"},

	lJobQueued:       {"queued: no free worker yet", "대기 중: 빈 작업 스레드 없음"},
	lJobRunningOn:    {"running on {1}", "실행 중: {1}"},
	lJob:             {"executor job {1}()", "실행기 작업 {1}()"},
	lSize:            {"size {1}", "크기 {1}"},
	lUnlocked:        {"unlocked", "풀림"},
	lLocked:          {"locked", "잠김"},
	lEventClear:      {"clear", "꺼짐 (clear)"},
	lEventSet:        {"set", "켜짐 (set)"},
	lMaxWorkers:      {"max_workers {1}", "max_workers {1}"},
	lValue:           {"value {1} (free slots)", "값 {1} (남은 자리)"},
	lWaiting:         {"{1} · {2} waiting ({3} {4})", "{1} · {2}개 기다림 ({3} {4})"},
	lFuturePending:   {"pending", "대기 중"},
	lFutureDone:      {"done → {1}", "완료 → {1}"},
	lFutureFailed:    {"failed: {1}", "실패: {1}"},
	lFutureCancelled: {"cancelled", "취소됨"},
	lCallback:        {"{1} · cb {2}", "{1} · 콜백 {2}"},
	lPlus:            {"{1} +{2} more", "{1} 외 {2}개"},
	lNoFuture:        {"(no future pending)", "(기다리는 퓨처 없음)"},

	lLoopLane:  {"{1} (loop)", "{1} (루프)"},
	lCallbacks: {"callbacks", "콜백"},
	lStallLane: {"STALL", "멈춤"},
	lStep:      {"{1} step", "{1} 단계"},
	lSeconds:   {"{1} s", "{1}초"},

	aCallbackToReady: {"callback → ready queue", "콜백 → 준비 큐"},
	aAwaits:          {"awaits", "await"},
	aWaits:           {"waits", "기다림"},

	sBug: {"The stage hit a bug and stopped drawing:", "무대에 버그가 생겨 그리기를 멈췄습니다:"},

	hTimelineShort:    {"THREADS & WHO HELD THE LOOP THREAD", "스레드 · 루프 스레드를 쓴 쪽"},
	hTimelineShortest: {"TIMELINE", "타임라인"},
	lUnfinished:       {"{1} unfinished", "처리 전 {1}개"},
	lOtherTask:        {"1 other task", "다른 태스크 1개"},
	lOtherTasks:       {"{1} other tasks", "다른 태스크 {1}개"},
	lGhostSub:         {"on the loop thread ↑", "지금 실행 중 ↑"},
	lTitleMore:        {"{1} · +{2} more", "{1} · {2}개 더"},
	lOtherThreads:     {"{1} other threads", "다른 스레드 {1}개"},

	hAwaits:        {"AWAIT GRAPH · WHO AWAITS WHOM · {1} tasks alive", "await 그래프 · 누가 무엇을 기다리나 · 살아 있는 태스크 {1}개"},
	lTied:          {"pending · {1} of {2} done", "대기 중 · {2}개 중 {1}개 끝남"},
	lNoneAlive:     {"(no task is alive: nothing awaits anything)", "(살아 있는 태스크가 없어 아무것도 기다리지 않습니다)"},
	lMoreAwaits:    {"+{1} more tasks and futures", "태스크·퓨처 {1}개 더"},
	lMoreAwaitsSub: {"no room for the rest of the tree", "나머지 트리는 자리가 없어 접었습니다"},

	dNone:         {"(no request has reached the app yet)", "(아직 앱에 들어온 요청이 없습니다)"},
	dWaiting:      {"waits for its dependencies", "의존성을 기다림"},
	dLoop:         {"async def · on the loop", "async def · 루프에서 실행 중"},
	dThread:       {"def · in a worker thread", "def · 작업 스레드에서 실행 중"},
	dDone:         {"done: its value is ready", "완료: 값 준비됨"},
	dYield:        {"paused at its yield", "yield에서 멈춤"},
	dCached:       {"cached: the value above", "위의 값 그대로 (호출 안 함)"},
	dTorn:         {"torn down #{1}", "{1}번째로 정리됨"},
	dFailed:       {"failed", "실패"},
	dSkipped:      {"not called", "호출 안 됨"},
	dEndpoint:     {"endpoint", "요청 처리 함수"},
	dSent:         {"response sent", "응답 완료"},
	dRaised:       {"an exception reaches the client", "예외가 클라이언트로 갑니다"},
	dNoResponse:   {"no response yet", "아직 응답 없음"},
	dMoreDeps:     {"+{1} more dependencies", "의존성 {1}개 더"},
	dMoreRequests: {"+{1} more requests", "요청 {1}개 더"},

	bMistake:        {"MISTAKE at line {1}: {2}.", "실수({1}번째 줄): {2}."},
	mBlocking:       {"a blocking call stalls the loop", "막는 호출이 루프를 멈춥니다"},
	mLongStep:       {"a long step without await holds the loop", "await 없는 긴 단계가 루프를 붙잡고 있습니다"},
	mNeverAwaited:   {"a coroutine nobody awaits", "아무도 await하지 않는 코루틴"},
	mNeverRetrieved: {"a task's exception nobody retrieved", "아무도 가져가지 않은 태스크의 예외"},
	mDroppedTask:    {"a task nobody keeps", "아무도 담아 두지 않은 태스크"},
	mSequential:     {"awaits one after another that could overlap", "동시에 할 수 있는 await를 하나씩 차례로 합니다"},
	mNestedRun:      {"asyncio.run inside a running loop", "돌고 있는 루프 안의 asyncio.run"},
}

// TaskState returns a task state's name in language l: "waiting", "기다리는 중".
func (l Lang) TaskState(st TaskState) string {
	return l.t(lTaskPending + msg(min(st, TaskCancelled)))
}

// Phase returns the name of a phase of the loop in language l, as the
// dial shows it: "select", "timers", "ready", "shutdown" (select stays
// select in Korean: it is the call the loop makes); "" for none.
func (l Lang) Phase(p trace.Phase) string {
	switch p {
	case trace.PhaseSelect:
		return l.t(lPhaseSelect)
	case trace.PhaseTimers:
		return l.t(lPhaseTimers)
	case trace.PhaseReady:
		return l.t(lPhaseReady)
	case trace.PhaseShutdown:
		return l.t(lPhaseShutdown)
	}
	return p.String()
}

// StageBroken is the stage's own words when drawing failed, above the error.
func (l Lang) StageBroken() string { return l.t(sBug) }

// t returns message m in language l with its arguments put in.
func (l Lang) t(m msg, args ...string) string {
	tmpl := messages[m][min(l, KO)]
	if strings.IndexByte(tmpl, '{') < 0 {
		return tmpl
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		n, particle := placeholder(tmpl[i+1 : i+j])
		arg := ""
		if n >= 1 && n <= len(args) {
			arg = args[n-1]
		}
		b.WriteString(arg)
		if particle != "" {
			b.WriteString(josa(arg, particle))
		}
		tmpl = tmpl[i+j+1:]
	}
}

// placeholder splits "2|을" into 2 and "을".
func placeholder(s string) (int, string) {
	num, particle, _ := strings.Cut(s, "|")
	n, err := strconv.Atoi(num)
	if err != nil {
		return 0, ""
	}
	return n, particle
}

// The Korean particles that change with the sound before them: the form
// after a final consonant, then the form after a vowel.
var particles = [][2]string{{"은", "는"}, {"이", "가"}, {"을", "를"}, {"과", "와"}, {"으로", "로"}}

// josa returns particle p (either of its forms) in the form word asks for.
func josa(word, p string) string {
	for _, pair := range particles {
		if p != pair[0] && p != pair[1] {
			continue
		}
		final, rieul := finalSound(word)
		if pair[0] == "으로" && rieul {
			return pair[1] // 로 after ㄹ: "1초로"... "일로"
		}
		if final {
			return pair[0]
		}
		return pair[1]
	}
	return p
}

// finalSound reports whether word, read aloud in Korean, ends in a
// consonant (a 받침), and whether that consonant is ㄹ. Code names are read
// as Korean speakers read them: digits as Sino-Korean numbers ("Task-1" is
// 일, "Future-10" 십), English words by their last letters ("main" 메인,
// "lock" 락, "worker" 워커, "loop" 루프). A trailing call or parenthesis
// does not count ("main()" is read as "main"), nor do quotes and dots.
func finalSound(word string) (final, rieul bool) {
	word = strings.TrimSpace(word)
	for {
		w := strings.TrimRightFunc(word, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ')'
		})
		if !strings.HasSuffix(w, ")") {
			word = w
			break
		}
		// drop a balanced (...) group at the end
		depth, cut := 0, -1
		for i := len(w) - 1; i >= 0; i-- {
			switch w[i] {
			case ')':
				depth++
			case '(':
				depth--
			}
			if depth == 0 {
				cut = i
				break
			}
		}
		if cut <= 0 {
			word = strings.TrimRight(w, ")")
		} else {
			word = strings.TrimSpace(w[:cut])
		}
	}
	r, _ := utf8.DecodeLastRuneInString(word)
	switch {
	case r >= 0xAC00 && r <= 0xD7A3:
		f := (r - 0xAC00) % 28
		return f != 0, f == 8
	case r == '0':
		return true, false // 영, 십, 백, 천, 만
	case r >= '1' && r <= '9':
		switch r {
		case '1', '7', '8':
			return true, true // 일, 칠, 팔
		case '3', '6':
			return true, false // 삼, 육
		}
		return false, false // 이, 사, 오, 구
	}
	w := strings.ToLower(word)
	// An abbreviation with no vowel ("cb", "tcp") is read letter by
	// letter: el, em, en and ar end in a consonant.
	k := len(w)
	for k > 0 && w[k-1] >= 'a' && w[k-1] <= 'z' {
		k--
	}
	if last := w[k:]; last != "" && !strings.ContainsAny(last, "aeiouy") {
		switch last[len(last)-1] {
		case 'l', 'r':
			return true, true
		case 'm', 'n':
			return true, false
		}
		return false, false
	}
	switch {
	case strings.HasSuffix(w, "ng"), strings.HasSuffix(w, "m"), strings.HasSuffix(w, "n"):
		return true, false
	case strings.HasSuffix(w, "l"):
		return true, true
	case strings.HasSuffix(w, "ck"), strings.HasSuffix(w, "b"):
		return true, false
	case strings.HasSuffix(w, "oop"):
		return false, false // loop: 루프
	case strings.HasSuffix(w, "p"):
		return true, false // sleep: 슬립, step: 스텝
	case len(w) >= 3 && w[len(w)-1] == 't' && isVowel(w[len(w)-2]) && !isVowel(w[len(w)-3]):
		return true, false // set: 셋, put: 풋
	}
	return false, false
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// StageRunes returns every rune the stage's Korean messages can draw, each
// once, in order: the fixed words of every message, the particles a name
// can take, and the digits and signs the arguments bring. A font subset to
// these runes (plus the ASCII the monospaced font already has) draws every
// Korean word the stage shows.
func StageRunes() string {
	seen := map[rune]bool{}
	add := func(s string) {
		for _, r := range s {
			seen[r] = true
		}
	}
	for m := range messages {
		add(withoutPlaceholders(messages[m][KO]))
	}
	for _, p := range particles {
		add(p[0] + p[1])
	}
	add("0123456789.+-·→↑…")
	rs := make([]rune, 0, len(seen))
	for r := range seen {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	return string(rs)
}

// withoutPlaceholders returns a template without its {n} and {n|particle}.
func withoutPlaceholders(tmpl string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		j := strings.IndexByte(tmpl, '}')
		if i < 0 || j < i {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		tmpl = tmpl[j+1:]
	}
}
