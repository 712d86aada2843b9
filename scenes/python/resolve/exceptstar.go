package resolve

import "loopscope/scenes/python/syntax"

// exceptStarExit is CPython's error for leaving an except* body with
// break, continue or return: the handler must finish so that the rest of
// the exception group can be re-raised.
const exceptStarExit = "'break', 'continue' and 'return' cannot appear in an except* block"

// exceptStarBody walks the body of an except* clause, where break and
// continue of an enclosing loop, and return, are errors.
func (r *resolver) exceptStarBody(b *block, body []syntax.Stmt) {
	saveDepth, saveLoops := b.starDepth, b.starLoops
	b.starDepth++
	b.starLoops = b.loops
	r.stmts(b, body)
	b.starDepth, b.starLoops = saveDepth, saveLoops
}
